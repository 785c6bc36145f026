using System.Globalization;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>
/// Half a cluster fenced at once through one SMAPI server: 16 guests whose deactivations take 0.5-2 s,
/// every response slowed by 40 ms, 4 worker servers. Every fence must be verified (guest off, exit 0),
/// none reported before the real logoff, none past its timeouts. The SMAPI request rate and the time past
/// the logoff go to the test output (reported, never asserted: the machine is shared).
/// </summary>
[NonParallelizable]
public sealed class MassFencingTests
{
    private const int Guests = 16;
    private const int Workers = 4;
    private const int PowerTimeout = 20;
    private const int ShellTimeout = 5;
    private static readonly string[] Names = [.. Enumerable.Range(1, Guests).Select(i => $"MASS{i:D2}")];

    [Test]
    public async Task SixteenAgentsAtOnceEachVerifyTheirGuestOffAndNoneReportsEarly()
    {
        await using var sim = Start();
        DateTimeOffset started = DateTimeOffset.UtcNow;

        var runs = await Task.WhenAll(Names.Select(async name =>
        {
            ProcessResult r = await AgentProcess.RunAsync(sim, Arguments(name));
            return (Name: name, Result: r, Exited: DateTimeOffset.UtcNow);
        }));

        TimeSpan wall = DateTimeOffset.UtcNow - started;
        foreach (var (name, r, exited) in runs)
        {
            AssertFenced(sim, name, r, exited);
        }

        Report(sim, "16 agent processes, one plug each", wall, runs.Select(run => run.Exited - sim.Guest(run.Name).LogoffTime!.Value));
    }

    [Test]
    public async Task OneAgentWithSixteenPlugsVerifiesEveryGuestOffAndReportsAfterTheLastLogoff()
    {
        await using var sim = Start();
        DateTimeOffset started = DateTimeOffset.UtcNow;

        ProcessResult r = await AgentProcess.RunAsync(sim, Arguments(string.Join(',', Names)));
        DateTimeOffset exited = DateTimeOffset.UtcNow;

        foreach (string name in Names)
        {
            AssertFenced(sim, name, r, exited);
        }

        DateTimeOffset lastLogoff = Names.Max(name => sim.Guest(name).LogoffTime!.Value);
        Report(sim, "1 agent process, 16 plugs", exited - started, [exited - lastLogoff]);
    }

    private static SimulatorHost Start() => SimulatorHost.Start(
        Names.Select(name => name + "=on"),
        faults: ["delay:40"],
        deactivateDelay: TimeSpan.FromSeconds(0.5),
        configure: o => o with { DeactivateDelayMax = TimeSpan.FromSeconds(2), Workers = Workers });

    private static string[] Arguments(string plugs) =>
        ["-o", "off", "-n", plugs, "--power-timeout", $"{PowerTimeout}", "--shell-timeout", $"{ShellTimeout}"];

    private static void AssertFenced(SimulatorHost sim, string name, ProcessResult r, DateTimeOffset exited)
    {
        GuestSnapshot guest = sim.Guest(name);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), $"{name}: {r}");
        Assert.That((guest.State, guest.Deactivations), Is.EqualTo((GuestState.Off, 1)), name);
        Assert.That(exited, Is.GreaterThan(guest.LogoffTime ?? DateTimeOffset.MaxValue), $"{name}: success reported before the guest went off");
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(PowerTimeout + (2 * ShellTimeout))), $"{name}: past its timeouts");
    }

    private static void Report(SimulatorHost sim, string what, TimeSpan wall, IEnumerable<TimeSpan> pastLogoff)
    {
        double[] late = [.. pastLogoff.Select(t => t.TotalMilliseconds).Order()];
        int statusQueries = sim.System.Snapshot().Sum(g => g.StatusQueries);
        long requests = sim.Simulator.Workers.Served;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mass fencing, {what}: {wall.TotalSeconds:0.00} s in all; {requests} SMAPI requests ({requests / wall.TotalSeconds:0.0}/s), " +
            $"{statusQueries} of them Image_Status_Query; at most {sim.Simulator.Workers.Peak} served at once ({Workers} workers); " +
            $"exit past the real logoff p50 {Percentile(late, 0.5):0} ms, p99 {Percentile(late, 0.99):0} ms"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
