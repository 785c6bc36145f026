namespace FenceZvm.Tests.Faults;

/// <summary>
/// One cell of the fault matrix: an action against a simulated z/VM with one fault injected.
/// The target guest is CNODE1 (active, or inactive for "on"); CNODE2 is defined and inactive.
/// Unscoped, a fault hits every request (the first one fails); scoped, only the request the action
/// is about (the deactivation of "off", say), after the status query went through.
/// </summary>
public sealed record FaultScenario(string Action, string Fault, bool Scoped = false)
{
    public const string Target = "CNODE1";

    /// <summary>The short timeouts every run uses (seconds), and the hang bound derived from them.</summary>
    public const int ShellTimeout = 1;
    public const int PowerTimeout = 2;
    public const int StatusSleep = 1;

    public static readonly string[] Actions = ["off", "on", "reboot", "status", "list", "monitor"];

    public static readonly string[] Faults =
    [
        "refuse",
        "close-before-request-id",
        "close-after-request-id",
        "silence",
        "fragment",
        "wrong-request-id",
        "output-length-negative",
        "output-length-zero",
        "output-length-eleven",
        "output-length-huge",
        "truncated",
        "garbage",
        "rc:900/99",
        "rc:200/16",
        "stuck-guest",
        "tls-stall",
    ];

    /// <summary>
    /// Generous: a reboot may wait for two power transitions, each exchange has four phases bounded
    /// by the shell timeout, and a loaded machine needs slack. This guards against hangs, not speed.
    /// </summary>
    public static TimeSpan Bound { get; } = TimeSpan.FromSeconds((2 * PowerTimeout) + (4 * ShellTimeout) + 10);

    public static IEnumerable<TestCaseData> Cases() =>
        from action in Actions
        from fault in Faults
        from scoped in new[] { false, true }
        where !scoped || Scopable(fault)
        let scenario = new FaultScenario(action, fault, scoped)
        select new TestCaseData(scenario).SetArgDisplayNames(action, scenario.FaultLabel);

    /// <summary>Faults that can be limited to one function (@FUNCTION); rc:200/16 always is.</summary>
    public static bool Scopable(string fault) => fault is not ("refuse" or "tls-stall" or "stuck-guest" or "rc:200/16");

    public string FaultLabel => Fault == "rc:200/16" || Scoped ? $"{Fault}@{RelevantFunction}" : Fault;

    /// <summary>The function whose RC 200 RS 16 never clears: the one the action depends on.</summary>
    public string RelevantFunction => Action switch
    {
        "off" or "reboot" => "Image_Deactivate",
        "on" => "Image_Activate",
        "status" => "Image_Status_Query",
        "list" => "Image_Name_Query_DM",
        _ => "Check_Authentication",
    };

    public bool Tls => Fault == "tls-stall";

    /// <summary>Faults after which a correct answer is still possible (the agent must then succeed).</summary>
    public bool Harmless => Fault is "fragment" or "garbage" || (Fault == "stuck-guest" && Action is not ("off" or "reboot"));

    public string[] Guests =>
    [
        Target + (Action == "on" ? "=off" : "=on") + (Fault == "stuck-guest" ? ":stuck" : string.Empty),
        "CNODE2=off",
    ];

    public string[] FaultSpecs => Fault switch
    {
        "stuck-guest" => [],
        _ when Fault == "rc:200/16" || Scoped => [$"{Fault}@{RelevantFunction}"],
        _ => [Fault],
    };

    public string[] ActionArguments =>
    [
        "-o", Action,
        .. Action is "list" or "monitor" ? Array.Empty<string>() : ["-n", Target],
        "--shell-timeout", ShellTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--power-timeout", PowerTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--stonith-status-sleep", StatusSleep.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    public override string ToString() => $"{Action} x {FaultLabel}";
}
