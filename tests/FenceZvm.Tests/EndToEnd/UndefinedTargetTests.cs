using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>
/// Issue 17: a guest the z/VM system does not define (a typo in the plug or the host map) is never
/// reported fenced, on either agent, by arguments or stdin. Image_Status_Query answers 0/12 for it
/// exactly as for an inactive guest; the agent learns the difference from Image_Deactivate (200/4
/// against 200/12), Image_Activate, or for status the list of defined images.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class UndefinedTargetTests
{
    private const string Caller = "CNODE2";
    private static readonly string[] Guests = ["CNODE1=on", "CNODE2=off"];

    public enum Agent
    {
        Zvmip,
        Zvm,
    }

    private static readonly Agent[] Agents = [Agent.Zvmip, Agent.Zvm];

    [TestCase(Agent.Zvmip, "off")]
    [TestCase(Agent.Zvm, "off")]
    [TestCase(Agent.Zvmip, "reboot")]
    [TestCase(Agent.Zvm, "reboot")]
    [TestCase(Agent.Zvmip, "status")]
    [TestCase(Agent.Zvm, "status")]
    [TestCase(Agent.Zvmip, "on")]
    [TestCase(Agent.Zvm, "on")]
    public async Task EveryActionFailsForAnUndefinedGuestWithOneLineNamingIt(Agent agent, string action)
    {
        await using var sim = Start(agent);
        ProcessResult r = await RunAsync(agent, sim, "-o", action, "-n", "NOSUCH", "--power-timeout", "3");

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined on the z/VM system of"));
        Assert.That(r.Stderr, Does.Contain(agent == Agent.Zvm ? "SMAPI IUCV server VSMREQIU" : $"SMAPI server 127.0.0.1 port {sim.Port}"));
        Assert.That(r.Stderr, Does.Contain("--plug (-n) on the command line"));
        AssertUntouched(sim);
    }

    [TestCaseSource(nameof(Agents))]
    public async Task CycleRebootOfAnUndefinedGuestFails(Agent agent)
    {
        await using var sim = Start(agent);
        ProcessResult r = await RunAsync(agent, sim, "-o", "reboot", "--method", "cycle", "-n", "NOSUCH", "--power-timeout", "3");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined"));
        AssertUntouched(sim);
    }

    [TestCaseSource(nameof(Agents))]
    public async Task ADefinedInactiveGuestIsStillAlreadyOff(Agent agent)
    {
        await using var sim = Start(agent);
        ProcessResult off = await RunAsync(agent, sim, "-o", "off", "-n", "CNODE2");
        ProcessResult status = await RunAsync(agent, sim, "-o", "status", "-n", "CNODE2");
        Assert.That((off.ExitCode, off.Stdout, off.Stderr), Is.EqualTo((0, "Success: Already OFF\n", string.Empty)), off.ToString());
        Assert.That((status.ExitCode, status.Stdout, status.Stderr), Is.EqualTo((2, "Status: OFF\n", string.Empty)), status.ToString());
        AssertUntouched(sim);
    }

    [TestCase(Agent.Zvmip, "off", 0, "Success: Already OFF\n")]
    [TestCase(Agent.Zvm, "off", 0, "Success: Already OFF\n")]
    [TestCase(Agent.Zvmip, "status", 2, "Status: OFF\n")]
    [TestCase(Agent.Zvm, "status", 2, "Status: OFF\n")]
    [TestCase(Agent.Zvmip, "reboot", 1, "")]
    [TestCase(Agent.Zvm, "reboot", 1, "")]
    [TestCase(Agent.Zvmip, "on", 1, "")]
    public async Task MissingAsOffKeepsUpstreamsOffWithAWarningButNeverReboots(Agent agent, string action, int exitCode, string stdout)
    {
        await using var sim = Start(agent);
        ProcessResult r = await RunAsync(agent, sim, "-o", action, "-n", "NOSUCH", "--missing-as-off", "--power-timeout", "3");

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((exitCode, stdout)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined"), r.ToString());
        if (exitCode != 1)
        {
            Assert.That(r.Stderr, Does.Contain("WARNING").And.Contain("missing_as_off=1"));
        }

        AssertUntouched(sim);
    }

    [TestCaseSource(nameof(Agents))]
    public async Task OnStdinTheLineNamesTheNodeAndTheHostMap(Agent agent)
    {
        await using var sim = Start(agent);
        string connection = agent == Agent.Zvm ? string.Empty
            : $"ip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\n";
        ProcessResult r = await RunWithStdinAsync(agent, sim, $"nodename=cnode1\n{connection}action=off\nport=CNOD1\n");

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("CNOD1 is not a guest defined").And.Contain("for node cnode1").And.Contain("pcmk_host_map"));
        AssertUntouched(sim);
    }

    [TestCase(Agent.Zvmip, "0", 1)]
    [TestCase(Agent.Zvmip, "1", 0)]
    [TestCase(Agent.Zvm, "0", 1)]
    [TestCase(Agent.Zvm, "1", 0)]
    public async Task MissingAsOffIsReadFromStdin(Agent agent, string value, int exitCode)
    {
        await using var sim = Start(agent);
        string connection = agent == Agent.Zvm ? string.Empty
            : $"ip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\n";
        ProcessResult r = await RunWithStdinAsync(agent, sim, $"{connection}action=off\nplug=NOSUCH\nmissing_as_off={value}\n");

        Assert.That(r.ExitCode, Is.EqualTo(exitCode), r.ToString());
        Assert.That(r.Stderr, Does.Contain("plug= (or port=) on standard input"));
    }

    [TestCaseSource(nameof(Agents))]
    public async Task InAListTheDefinedGuestsAreStillFencedAndOnlyTheUndefinedOneIsNamed(Agent agent)
    {
        await using var sim = Start(agent);
        ProcessResult r = await RunAsync(agent, sim, "-o", "off", "-n", "CNODE1,NOSUCH,CNODE2");

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined").And.Not.Contain("CNODE1 is not").And.Not.Contain("CNODE2 is not"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off), "the defined guests are fenced all the same");
    }

    private static SimulatorHost Start(Agent agent) =>
        SimulatorHost.Start(Guests, iucvCaller: agent == Agent.Zvm ? Caller : null);

    private static Task<ProcessResult> RunAsync(Agent agent, SimulatorHost sim, params string[] arguments) =>
        agent == Agent.Zvm ? ZvmAgentProcess.RunAsync(sim, arguments) : AgentProcess.RunAsync(sim, arguments);

    private static Task<ProcessResult> RunWithStdinAsync(Agent agent, SimulatorHost sim, string stdin) =>
        agent == Agent.Zvm ? ZvmAgentProcess.RunWithStdinAsync(sim, stdin) : AgentProcess.RunWithStdinAsync(stdin);

    private static void AssertUntouched(SimulatorHost sim)
    {
        GuestSnapshot one = sim.Guest("CNODE1");
        GuestSnapshot two = sim.Guest("CNODE2");
        Assert.That((one.State, one.Deactivations, two.State, two.Activations), Is.EqualTo((GuestState.On, 0, GuestState.Off, 0)));
    }
}
