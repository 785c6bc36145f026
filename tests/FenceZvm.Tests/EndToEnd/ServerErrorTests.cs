using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>
/// Issue 19 rows 5 and 6: a server error (RC 900) on a power request does not say whether the
/// request was carried out. The agent looks at the guest's state before failing; it reissues an
/// activation (retry_on) within the power timeout, and never resends a deactivation.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ServerErrorTests
{
    [Test]
    public async Task ADeactivationThatHappenedDespiteRc900IsPoweredOff()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["rc-after-work:900/40@Image_Deactivate*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(r.Stderr, Does.Contain("RC 900 RS 40").And.Contain("verifying by status"));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(1));
    }

    [Test]
    public async Task ADeactivationThatDidNotHappenIsNeverSentAgainAndFailsAtThePowerTimeout()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["rc:900/99@Image_Deactivate*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "--power-timeout", "2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Timed out waiting to power OFF").And.Contain("unconfirmed"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On), "a second Image_Deactivate would have switched it off");
    }

    [TestCase("--retry-on=1")]
    [TestCase("--retry-on=2")]
    public async Task AnActivationAnsweredRc900IsReissued(string retryOn)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off"], faults: ["rc:900/99@Image_Activate*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, ["-o", "on", "-n", "CNODE1", "--power-timeout", "10", retryOn]);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").Activations, Is.EqualTo(1));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "reissued within the power timeout, not after it");
    }

    [Test]
    public async Task WithoutRetryOnAnActivationAnsweredRc900IsNotReissued()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off"], faults: ["rc:900/99@Image_Activate*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "on", "-n", "CNODE1", "--retry-on=0", "--power-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Timed out waiting to power ON"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task AnUnknownFunctionStaysAFinalAnswer()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["rc:900/12@Image_Deactivate"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("RC 900 RS 12").And.Not.Contain("verifying by status"));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "fails at once, not at the power timeout");
    }
}
