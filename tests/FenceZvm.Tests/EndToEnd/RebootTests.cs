using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

public sealed class RebootTests
{
    [Test]
    public async Task RebootTurnsAnActiveGuestOffThenOn()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Rebooted\n"));
        GuestSnapshot guest = sim.Guest("CNODE1");
        Assert.That((guest.State, guest.Deactivations, guest.Activations), Is.EqualTo((GuestState.On, 1, 1)));
    }

    [Test]
    public async Task RebootOfAnInactiveGuestOnlyActivatesIt()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "-n", "CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That((sim.Guest("CNODE2").State, sim.Guest("CNODE2").Deactivations), Is.EqualTo((GuestState.On, 0)));
    }

    [Test]
    public async Task RebootWhoseOnHalfIsRefusedStillSucceedsAsUpstream()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Image_Status_Query,Image_Deactivate"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Rebooted\n"));
        Assert.That(r.Stderr, Does.Contain("WARNING: Failed: Unable to power ON CNODE1: Image_Activate: RC 100 RS 16"));
        Assert.That(r.Stderr, Does.Contain("ERROR: Timed out waiting to power ON"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off), "the node is fenced");
    }

    [Test]
    public async Task RebootWhoseOffHalfTimesOutFails()
    {
        await using var sim = SimulatorHost.Start(["CNODE3=on:stuck"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "-n", "CNODE3", "--power-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout, Does.Not.Contain("Success"));
        Assert.That(r.Stderr, Does.Contain("Failed: Timed out waiting to power OFF"));
    }
}
