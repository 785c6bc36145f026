using System.Globalization;
using FenceZvm.Simulator.State;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Faults;

/// <summary>What one agent did in one scenario, and what the simulator's state file says happened.</summary>
public sealed record ScenarioOutcome(FaultScenario Scenario, ProcessResult Run, StateDocument State)
{
    public int ExitCode => Run.ExitCode;

    public string Stdout => Run.Stdout;

    public string Stderr => Run.Stderr;

    public TimeSpan Elapsed => Run.Elapsed;

    public bool Killed => Run.TimedOut;

    public GuestRecord Target => State.Guests.Single(g => g.Name == FaultScenario.Target);

    /// <summary>What the agent claimed: null when it claimed nothing (it failed).</summary>
    public string? Claim => Scenario.Action switch
    {
        "status" when Stdout.Contains("Status: ON", StringComparison.Ordinal) || (ExitCode == 0 && !Killed) => "ON",
        "status" when Stdout.Contains("Status: OFF", StringComparison.Ordinal) || (ExitCode == 2 && !Killed) => "OFF",
        "status" => null,
        "list" => (ExitCode == 0 && !Killed) || Stdout.Length > 0 ? "list: " + string.Join(' ', StdoutLines) : null,
        _ => (ExitCode == 0 && !Killed) || Stdout.Contains("Success", StringComparison.Ordinal) ? "success" : null,
    };

    /// <summary>Whether the simulator's state proves the claim (the agent did not lie).</summary>
    public bool ClaimIsTrue => Claim is null || Scenario.Action switch
    {
        "off" => Target is { State: "off", Transition: null },
        "on" => Target is { State: "on", Transition: null },

        // Fenced once verified off (as upstream, a failed power-on does not fail a reboot); an
        // activation only happens from off, so Activations > 0 also proves the guest was off.
        "reboot" => Target is { State: "off", Transition: null } || Target.Activations > 0,
        "status" => Claim == Target.State.ToUpperInvariant(),
        "list" => StdoutLines.Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal)
            .SequenceEqual(State.Guests.Select(g => g.Name).Order(StringComparer.Ordinal)),

        // Nothing in the state shows a credentials check: only a fault that leaves the answer intact can verify it.
        _ => Scenario.Harmless,
    };

    public bool Lied => !ClaimIsTrue;

    /// <summary>The outcome in one word, worst first: what the upstream matrix records and asserts per scenario.</summary>
    public string Kind => Killed ? "hung" : Lied ? "false-success" : HasStackTrace ? "traceback" : Claim is null ? "failure" : "verified";

    public bool Overran => Killed || Elapsed > FaultScenario.Bound;

    public bool HasStackTrace =>
        Stderr.Contains("Unhandled exception", StringComparison.Ordinal) || Stderr.Contains("\n   at ", StringComparison.Ordinal)
        || Stderr.Contains("Traceback (most recent call last)", StringComparison.Ordinal);

    public string[] StdoutLines => Run.StdoutLines;

    public string ExitText => Run.ExitText;

    public override string ToString() =>
        $"{Scenario}: exit {ExitText} after {Elapsed.TotalSeconds:0.00} s (bound {FaultScenario.Bound.TotalSeconds} s)\n" +
        $"claim: {Claim ?? "(none)"}; state of {FaultScenario.Target}: {Target}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Runs one scenario: its own in-process simulator (with a state file), then the agent as a process.</summary>
public static class ScenarioRun
{
    public static async Task<ScenarioOutcome> RunAsync(FaultScenario scenario, string agent, bool upstream, TimeSpan killAfter)
    {
        string directory = Directory.CreateTempSubdirectory("fence-zvm-fault-").FullName;
        try
        {
            string stateFile = Path.Combine(directory, "state.json");
            using TestCertificates? certificates = scenario.Tls ? TestCertificates.Create() : null;
            var sim = SimulatorHost.Start(scenario.Guests, faults: scenario.FaultSpecs, stateFile: stateFile, tlsCertificate: certificates?.Server);
            ProcessResult run;
            await using (sim)
            {
                string[] transport = !scenario.Tls ? ["--disable-ssl"]
                    : upstream ? ["--ssl-insecure"]
                    : ["--ssl-ca", certificates!.CaFile];
                string[] arguments =
                [
                    .. transport, "-a", "127.0.0.1", "-u", sim.Port.ToString(CultureInfo.InvariantCulture),
                    "-l", SimulatorHost.User, "-p", SimulatorHost.Password, .. scenario.ActionArguments,
                ];
                run = await ProcessRunner.RunAsync(agent, arguments, timeout: killAfter, workingDirectory: directory, reportTimeout: true);
            }

            // The simulator is stopped: the state file holds its last word.
            StateDocument state = StateFileWriter.Read(stateFile);
            return new ScenarioOutcome(scenario, run, state);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
