using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>
/// The upstream Python fence_zvmip and ours, run with the same arguments against fresh simulators
/// in the same state, must give the same exit code, the same stdout and the same final guest states.
/// Stderr is not compared: ours adds the decoded RC/RS to upstream's messages.
/// Deliberate differences are tested in <see cref="DeliberateDifferenceTests"/>.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly string[] Guests = ["CNODE1=on", "CNODE2=off", "CMANAGER=on"];

    public static IEnumerable<TestCaseData> Scenarios()
    {
        yield return Case("status of an active guest", "-o", "status", "-n", "CNODE1");
        yield return Case("status of an inactive guest", "-o", "status", "-n", "CNODE2");
        yield return Case("status, lower-case plug", "-o", "status", "-n", "cnode1");
        yield return Case("off of an active guest", "-o", "off", "-n", "CNODE1");
        yield return Case("off of an inactive guest", "-o", "off", "-n", "CNODE2");
        yield return Case("on of an inactive guest", "-o", "on", "-n", "CNODE2");
        yield return Case("on of an active guest", "-o", "on", "-n", "CNODE1");
        yield return Case("reboot of an active guest", "-o", "reboot", "-n", "CNODE1");
        yield return Case("reboot of an inactive guest", "-o", "reboot", "-n", "CNODE2");
        yield return Case("reboot is the default action", "-n", "CNODE1");
        yield return Case("list", "-o", "list");
        yield return Case("list-status", "-o", "list-status");
        yield return Case("list-status with a separator", "-o", "list-status", "-C", ";");
        yield return Case("monitor", "-o", "monitor");
        yield return Case("validate-all", "-o", "validate-all", "-n", "CNODE1");
        yield return Case("missing plug", "-o", "off");
        yield return Case("plug longer than 8 characters", "-o", "off", "-n", "CNODE1234");
        yield return Case("unknown action", "-o", "dance", "-n", "CNODE1");
        yield return Case("upper-case action", "-o", "STATUS", "-n", "CNODE1");
        yield return Case("on of an undefined guest fails", "-o", "on", "-n", "NOSUCH", "--power-timeout", "2");
        yield return Case("off of an undefined guest with missing_as_off", "-o", "off", "-n", "NOSUCH", "--missing-as-off");
        yield return Case("status of an undefined guest with missing_as_off", "-o", "status", "-n", "NOSUCH", "--missing-as-off");
    }

    [TestCaseSource(nameof(Scenarios))]
    public async Task SameOutcomeAsUpstream(string[] arguments)
    {
        UpstreamAgent.RequireInstalled();
        (ProcessResult upstream, string upstreamStates) = await RunAsync(UpstreamAgent.Path, arguments);
        (ProcessResult ours, string ourStates) = await RunAsync(AgentProcess.Path, arguments);

        Assert.Multiple(() =>
        {
            Assert.That(ours.ExitCode, Is.EqualTo(upstream.ExitCode), $"exit code\nupstream: {upstream}\nours: {ours}");
            Assert.That(Sorted(ours.StdoutLines), Is.EqualTo(Sorted(upstream.StdoutLines)), $"stdout\nupstream: {upstream}\nours: {ours}");
            Assert.That(ourStates, Is.EqualTo(upstreamStates), "final guest states");
        });
    }

    [Test]
    public async Task MonitorWithABadPasswordFailsInBoth()
    {
        UpstreamAgent.RequireInstalled();
        await using var sim = SimulatorHost.Start(Guests);
        string[] arguments = [.. AgentProcess.Connection(sim, password: "bad-pw"), "-o", "monitor"];
        ProcessResult upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, arguments);
        ProcessResult ours = await ProcessRunner.RunAsync(AgentProcess.Path, arguments);
        Assert.That((ours.ExitCode, ours.Stdout), Is.EqualTo((upstream.ExitCode, upstream.Stdout)), $"upstream: {upstream}\nours: {ours}");
        Assert.That(ours.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task StdinModeGivesTheSameOutcome()
    {
        UpstreamAgent.RequireInstalled();
        var results = new List<(ProcessResult Result, string States)>();
        foreach (string agent in new[] { UpstreamAgent.Path, AgentProcess.Path })
        {
            await using var sim = SimulatorHost.Start(Guests);
            string stdin = $"nodename=cnode1\nip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\naction=off\nusername={SimulatorHost.User}\nport=CNODE1\npassword={SimulatorHost.Password}\n";
            results.Add((await ProcessRunner.RunAsync(agent, [], stdin), States(sim)));
        }

        Assert.That((results[1].Result.ExitCode, results[1].Result.Stdout, results[1].States), Is.EqualTo((results[0].Result.ExitCode, results[0].Result.Stdout, results[0].States)));
        Assert.That(results[1].Result.Stdout, Is.EqualTo("Success: Powered OFF\n"));
    }

    private static async Task<(ProcessResult Result, string States)> RunAsync(string agent, string[] arguments)
    {
        await using var sim = SimulatorHost.Start(Guests);
        ProcessResult result = await ProcessRunner.RunAsync(agent, [.. AgentProcess.Connection(sim), .. arguments]);
        return (result, States(sim));
    }

    private static string States(SimulatorHost sim) =>
        string.Join(" ", sim.System.Snapshot().OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => $"{g.Name}={(g.Active ? "on" : "off")}"));

    // Upstream prints list output from a Python set, in no fixed order.
    private static string[] Sorted(string[] lines) => lines.Order(StringComparer.Ordinal).ToArray();

    private static TestCaseData Case(string name, params string[] arguments) =>
        new TestCaseData((object)arguments).SetName("SameOutcomeAsUpstream: " + name);
}
