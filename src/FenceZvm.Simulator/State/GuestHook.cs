using System.Diagnostics;
using System.Globalization;
using FenceZvm.Simulator.Model;

namespace FenceZvm.Simulator.State;

/// <summary>
/// Runs a command each time a guest powers off or on, so that something real can follow the guest (the
/// failover tests kill or boot a cluster node). The command is a shell command line run as
/// <c>/bin/sh -c 'COMMAND "$@"' smapi-sim GUEST on|off</c>, with SMAPI_SIM_GUEST and SMAPI_SIM_STATE in its
/// environment; a recycle is "off" then "on". It runs to completion before the request that caused the
/// change is answered, so a guest a client sees off has really stopped. A failing or hanging command is
/// reported on <paramref name="log"/> and changes no answer.
/// </summary>
public sealed class GuestHook : IDisposable
{
    public const string GuestVariable = "SMAPI_SIM_GUEST";
    public const string StateVariable = "SMAPI_SIM_STATE";

    private readonly Lock gate = new();
    private readonly ZvmSystem system;
    private readonly string command;
    private readonly TextWriter log;
    private readonly TimeSpan timeout;
    private readonly Dictionary<string, (bool Active, DateTimeOffset? LogonTime)> seen;

    public GuestHook(ZvmSystem system, string command, TextWriter log, TimeSpan? timeout = null)
    {
        this.system = system;
        this.command = command;
        this.log = log;
        this.timeout = timeout ?? TimeSpan.FromSeconds(60);
        seen = system.Snapshot().ToDictionary(g => g.Name, g => (g.Active, g.LogonTime), StringComparer.Ordinal);
        system.Changed += OnChanged;
    }

    public void Dispose() => system.Changed -= OnChanged;

    /// <summary>One guest at a time, in the order of the changes.</summary>
    private void OnChanged()
    {
        lock (gate)
        {
            foreach (GuestSnapshot guest in system.Snapshot())
            {
                var before = seen[guest.Name];
                seen[guest.Name] = (guest.Active, guest.LogonTime);
                bool recycled = before.Active && guest.Active && before.LogonTime != guest.LogonTime;
                if (before.Active && (!guest.Active || recycled))
                {
                    Run(guest.Name, "off");
                }

                if (guest.Active && (!before.Active || recycled))
                {
                    Run(guest.Name, "on");
                }
            }
        }
    }

    private void Run(string guest, string state)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (string argument in (string[])["-c", command + " \"$@\"", "smapi-sim", guest, state])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[GuestVariable] = guest;
        start.Environment[StateVariable] = state;
        try
        {
            using Process process = Process.Start(start)!;
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Report(guest, state, string.Create(CultureInfo.InvariantCulture, $"still running after {timeout.TotalSeconds:0.#} s, killed"));
            }
            else if (process.ExitCode != 0)
            {
                Report(guest, state, $"exit {process.ExitCode}");
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Report(guest, state, e.Message);
        }
    }

    private void Report(string guest, string state, string problem)
    {
        lock (log)
        {
            log.WriteLine($"smapi-sim: guest hook for {guest} {state} failed ({problem}); the SMAPI answer is unchanged");
            log.Flush();
        }
    }
}
