using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// The fence-agent action flow, written once for every device (upstream fencing.py's fence_action):
/// status first; "Already ON/OFF"; otherwise request and verify by polling until the power timeout
/// (a timeout is a failure). Reboot = verified off, then on; an ON failure is only logged.
/// A plug list is all or nothing: success only when every plug reached the state, and the failure
/// names each plug that did not. A guest the z/VM system does not define is never reported off
/// unless missing_as_off says so, and never rebooted.
/// </summary>
public sealed class ActionRunner
{
    private readonly IPowerDevice device;
    private readonly AgentOptions options;
    private readonly GuestName[] plugs;
    private readonly ILogger logger;
    private readonly TextWriter stdout;
    private readonly StatusPoller poller;
    private readonly PowerDriver driver;

    public ActionRunner(IPowerDevice device, AgentOptions options, ILogger logger, TextWriter stdout, TimeProvider? time = null)
    {
        this.device = device;
        this.options = options;
        plugs = GuestNames(options.Plugs);
        this.logger = logger;
        this.stdout = stdout;
        poller = new StatusPoller(options, logger, time);
        driver = new PowerDriver(device, options, poller, logger, time);
    }

    /// <summary>Runs the action; failures are thrown as <see cref="FenceFailure"/>.</summary>
    public int Run(CancellationToken cancellationToken)
    {
        switch (options.Action)
        {
            case FenceAction.List or FenceAction.ListStatus:
                List(cancellationToken);
                return ExitCodes.Success;
            case FenceAction.Monitor:
                device.Monitor(cancellationToken);
                return ExitCodes.Success;
            case FenceAction.Reboot when options.Method == RebootMethod.Cycle:
                new CycleReboot(device, options, poller, logger).Run(plugs, cancellationToken);
                stdout.WriteLine("Success: Rebooted");
                return ExitCodes.Success;
        }

        PowerState[] states = StatusOfEach(cancellationToken);
        switch (options.Action)
        {
            case FenceAction.Status:
                return Status(states, cancellationToken);
            case FenceAction.On:
                stdout.WriteLine(On(states, cancellationToken));
                return ExitCodes.Success;
            case FenceAction.Off:
                stdout.WriteLine(Off(states, rebooting: false, cancellationToken));
                return ExitCodes.Success;
            case FenceAction.Reboot:
                Off(states, rebooting: true, cancellationToken);
                PowerOnAfterOff(cancellationToken);
                stdout.WriteLine("Success: Rebooted");
                return ExitCodes.Success;
            default:
                throw new InvalidOperationException($"action {options.Action} is not a device action");
        }
    }

    /// <summary>
    /// Status of a list answers "is this node fenced?": OFF (exit 2) only when every plug is off,
    /// ON when any plug is on; a mixed list is named in a warning.
    /// </summary>
    private int Status(PowerState[] states, CancellationToken cancellationToken)
    {
        GuestName[] off = Plugs(states, PowerState.Off);
        if (off.Length > 0)
        {
            GuestName[] undefined = UndefinedAmong(off, cancellationToken);
            ThrowIfAny(undefined.Select(plug => MissingAsOff(plug, UndefinedTarget.DirectoryLacksIt, rebooting: false)));
        }

        if (off.Length > 0 && off.Length < states.Length)
        {
            logger.LogWarning("Plugs ON: {On}; plugs OFF: {Off}", string.Join(",", Plugs(states, PowerState.On)), string.Join(",", off));
        }

        bool anyOn = off.Length < states.Length;
        stdout.WriteLine($"Status: {(anyOn ? "ON" : "OFF")}");
        return anyOn ? ExitCodes.Success : ExitCodes.StatusOff;
    }

    private string On(PowerState[] states, CancellationToken cancellationToken)
    {
        GuestName[] off = Plugs(states, PowerState.Off);
        if (off.Length == 0)
        {
            return "Success: Already ON";
        }

        IReadOnlyList<PlugProgress> progress = driver.Drive(PowerState.On, off, (int)Math.Min(int.MaxValue, 1L + options.RetryOn), cancellationToken);
        ThrowIfAny(progress.Select(p => OnFailure(p)));
        return "Success: Powered ON";
    }

    /// <summary>
    /// Every plug gets Image_Deactivate, also those the first status saw off: the answer tells a
    /// defined inactive guest (200/12) from one the system does not define (200/4), without any
    /// authorization beyond the deactivation the fence needs anyway.
    /// </summary>
    private string Off(PowerState[] states, bool rebooting, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlugProgress> progress = driver.Drive(PowerState.Off, plugs, 1, cancellationToken);
        var failures = new List<FenceFailure?>();
        var unknown = new List<GuestName>();
        var undefined = new List<(GuestName Plug, string Evidence)>();
        for (int i = 0; i < progress.Count; i++)
        {
            PlugProgress plug = progress[i];
            bool wasOff = states[i] == PowerState.Off;
            if (plug.Answer == PowerRequestResult.NotDefined)
            {
                undefined.Add((plug.Plug, UndefinedTarget.PowerRequestSaid));
            }
            else if (wasOff && (plug.Refusal is not null || (plug.Answer == PowerRequestResult.Unconfirmed && plug.Reached(PowerState.Off))))
            {
                // The probe could not tell whether the guest exists; it is off either way.
                unknown.Add(plug.Plug);
            }
            else
            {
                failures.Add(OffFailure(plug));
            }
        }

        if (unknown.Count > 0)
        {
            GuestName[] lacking = UndefinedAmong(unknown, cancellationToken);
            undefined.AddRange(lacking.Select(plug => (plug, UndefinedTarget.DirectoryLacksIt)));
        }

        failures.AddRange(undefined.Select(u => MissingAsOff(u.Plug, u.Evidence, rebooting)));
        ThrowIfAny(failures);
        bool already = states.All(s => s == PowerState.Off) && progress.All(p => p.Answer != PowerRequestResult.Accepted);
        return already ? "Success: Already OFF" : "Success: Powered OFF";
    }

    private void PowerOnAfterOff(CancellationToken cancellationToken)
    {
        IReadOnlyList<PlugProgress> progress;
        try
        {
            progress = driver.Drive(PowerState.On, plugs, options.RetryOn, cancellationToken);
        }
        catch (FenceFailure e)
        {
            // As upstream: the node is fenced once it is off; a failed power-on does not fail the reboot.
            logger.LogWarning("{Reason}", e.Message);
            progress = [];
        }

        // A guest that turns out not to exist was never fenced: that fails the reboot after all.
        ThrowIfAny(progress.Where(p => p.Answer == PowerRequestResult.NotDefined).Select(p => OnFailure(p)));
        foreach (FenceFailure failure in progress.Select(p => OnFailure(p)).OfType<FenceFailure>())
        {
            logger.LogWarning("{Reason}", failure.Message);
        }

        if (progress.Count == 0 || !progress.All(p => p.Reached(PowerState.On)))
        {
            logger.LogError("Timed out waiting to power ON");
        }
    }

    /// <summary>
    /// Which of <paramref name="plugs"/> the system does not define, from its list of defined images.
    /// When even that cannot tell, the action fails, unless missing_as_off accepts the plugs as off.
    /// </summary>
    private GuestName[] UndefinedAmong(IReadOnlyList<GuestName> among, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> defined;
        try
        {
            defined = device.DefinedNames(cancellationToken);
        }
        catch (FenceFailure e) when (options.MissingAsOff)
        {
            logger.LogDebug("Cannot tell whether {Plugs} are defined ({Reason}); missing_as_off=1 counts them as off", string.Join(",", among), e.Message);
            return [];
        }
        catch (FenceFailure e)
        {
            throw new FenceFailure(FenceFailure.Status, $"{string.Join(",", among)} read as off, but whether the z/VM system defines them cannot be told ({e.Cause ?? e.Message}); set missing_as_off=1 to accept an undefined guest as off", e);
        }

        return among.Where(plug => !defined.Contains(plug.Value)).ToArray();
    }

    /// <summary>An undefined plug: a failure, or with missing_as_off=1 (not for reboot) a warning and null.</summary>
    private FenceFailure? MissingAsOff(GuestName plug, string evidence, bool rebooting)
    {
        string line = UndefinedTarget.Describe(options, plug, evidence);
        if (options.MissingAsOff && !rebooting)
        {
            logger.LogWarning("{Line}; counted as OFF because missing_as_off=1", line);
            return null;
        }

        string why = options.MissingAsOff ? " (missing_as_off=1 lets only status and off count it as OFF)" : string.Empty;
        return new FenceFailure(FenceFailure.Status, line + why);
    }

    private FenceFailure? OffFailure(PlugProgress plug) =>
        plug.Refusal ?? (plug.Reached(PowerState.Off) ? null : new FenceFailure(FenceFailure.WaitingOff, NotReached(plug, PowerState.Off)));

    private FenceFailure? OnFailure(PlugProgress plug) =>
        plug.Answer == PowerRequestResult.NotDefined ? MissingAsOff(plug.Plug, UndefinedTarget.PowerRequestSaid, rebooting: true)
        : plug.Refusal ?? (plug.Reached(PowerState.On) ? null : new FenceFailure(FenceFailure.WaitingOn, NotReached(plug, PowerState.On)));

    private string NotReached(PlugProgress plug, PowerState target)
    {
        string within = poller.HasDeadline ? $" within {options.PowerTimeout.TotalSeconds:0.###} s" : string.Empty;
        string last = plug.Answer == PowerRequestResult.Unconfirmed ? " (the server's answer left the request unconfirmed)" : string.Empty;
        return $"{plug.Plug} did not reach {Words.Upper(target)}{within}{last}";
    }

    /// <summary>One line for all failed plugs; with a single failure its own message, as before.</summary>
    private static void ThrowIfAny(IEnumerable<FenceFailure?> failures)
    {
        // A plain loop: OfType over these arrays compiles a dozen generic methods at every start (JIT path).
        var all = new List<FenceFailure>();
        foreach (FenceFailure? failure in failures)
        {
            if (failure is not null)
            {
                all.Add(failure);
            }
        }

        if (all.Count == 1)
        {
            throw all[0];
        }

        if (all.Count > 1)
        {
            throw new FenceFailure(string.Join("; ", all.Select(f => f.Message)));
        }
    }

    private GuestName[] Plugs(PowerState[] states, PowerState state)
    {
        var inState = new List<GuestName>(states.Length);
        for (int i = 0; i < states.Length; i++)
        {
            if (states[i] == state)
            {
                inState.Add(plugs[i]);
            }
        }

        return inState.ToArray();
    }

    /// <summary>The plugs as guest names, made once: the option checks have already refused any that is not one.</summary>
    private static GuestName[] GuestNames(IReadOnlyList<string> texts)
    {
        var names = new GuestName[texts.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = GuestName.Of(texts[i]);
        }

        return names;
    }

    private void List(CancellationToken cancellationToken)
    {
        IReadOnlyList<ImageEntry> images = device.List(cancellationToken);
        string separator = options.Separator;
        foreach (ImageEntry image in images)
        {
            // The alias field is always empty; list-status prints the state in lower case, as upstream.
            stdout.WriteLine(options.Action == FenceAction.List
                ? $"{image.Name}{separator}"
                : $"{image.Name}{separator}{separator}{(image.State == PowerState.On ? "on" : "off")}");
        }
    }

    /// <summary>The first status of every plug; all or nothing, naming each plug whose status failed.</summary>
    private PowerState[] StatusOfEach(CancellationToken cancellationToken)
    {
        var failures = new FenceFailure?[plugs.Length];
        var states = new PowerState[plugs.Length];
        EachPlug.Run(plugs, (plug, i) =>
        {
            try
            {
                states[i] = device.GetStatus(plug, cancellationToken);
            }
            catch (FenceFailure e)
            {
                failures[i] = plugs.Length == 1 ? e : new FenceFailure(e.UpstreamMessage, $"{plug}: {e.Cause}", e);
                states[i] = PowerState.Off;
            }
        });
        ThrowIfAny(failures);
        return states;
    }
}
