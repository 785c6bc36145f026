using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Iucv;

/// <summary>
/// An IUCV server at its connection limit refuses a connect with EAGAIN; the agent asks again with
/// growing pauses within the power timeout, and says plainly when it gives up. The stand-in's
/// limit is simulated with a full listen backlog (smapi-sim --iucv-busy).
/// </summary>
public sealed class IucvBusyTests
{
    private const string Caller = "CNODE2";

    [Test]
    public async Task BusyServerIsAskedAgainUntilItAccepts()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: Caller, configure: o => o with { IucvBusy = TimeSpan.FromSeconds(2) });
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "-T", "1", "--power-timeout", "10", "-v");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(r.Stderr, Does.Contain("is at its connection limit").And.Contain("trying again in"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task BusyServerIsGivenUpOnWithinThePowerTimeout()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: Caller, configure: o => o with { IucvBusy = TimeSpan.FromMinutes(5) });
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "--power-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("is at its connection limit").And.Match(@"gave up after \d+ attempt\(s\) in [0-9.]+ s"));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "hang guard");
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }
}
