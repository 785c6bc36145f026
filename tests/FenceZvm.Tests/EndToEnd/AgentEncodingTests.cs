using FenceZvm.Simulator.Model;
using FenceZvm.Smapi.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>EBCDIC (IBM-1047) text fields end to end, and a clear failure when agent and server disagree.</summary>
public sealed class AgentEncodingTests
{
    [Test]
    public async Task EbcdicAgentAndEbcdicServerAgree()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"], encoding: TextCodecs.Ebcdic);
        ProcessResult off = await AgentProcess.RunAsync(sim, "--smapi-encoding=ebcdic", "-o", "off", "-n", "CNODE1");
        Assert.That((off.ExitCode, off.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), off.ToString());
        ProcessResult list = await AgentProcess.RunAsync(sim, "--smapi-encoding", "ebcdic", "-o", "list-status");
        Assert.That(list.StdoutLines, Is.EquivalentTo(new[] { "CNODE1,,off", "CNODE2,,off" }), list.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task AsciiAgentAgainstEbcdicServerFailsClearly()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], encoding: TextCodecs.Ebcdic);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("RC 900 RS 12: function does not exist (wrong name, or the server does not use this text encoding)"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On), "nothing was done to any guest");
    }

    [Test]
    public async Task EbcdicAgentAgainstAsciiServerFailsClearly()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "--smapi-encoding=ebcdic", "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("RC 900 RS 12"));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(0));
    }
}
