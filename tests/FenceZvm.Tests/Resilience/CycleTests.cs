using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>--method=cycle: one Image_Recycle, verified by the guest being active with a new logon time.</summary>
public sealed class CycleTests
{
    [Test]
    public async Task CycleRecyclesAnActiveGuestOnce()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        DateTimeOffset? before = sim.Guest("CNODE1").LogonTime;
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method", "cycle", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        GuestSnapshot guest = sim.Guest("CNODE1");
        Assert.That((guest.State, guest.Recycles, guest.Deactivations, guest.Activations), Is.EqualTo((GuestState.On, 1, 0, 0)));
        Assert.That(guest.LogonTime, Is.Not.EqualTo(before));
    }

    [Test]
    public async Task CycleActivatesAGuestThatWasDown()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method=cycle", "-n", "CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        Assert.That((sim.Guest("CNODE2").State, sim.Guest("CNODE2").Activations), Is.EqualTo((GuestState.On, 1)));
    }

    [Test]
    public async Task RecycleThatDidNotHappenIsNotReportedAsDone()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["rc:0/0@Image_Recycle"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method", "cycle", "-n", "CNODE1", "--power-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout, Does.Not.Contain("Success"));
        Assert.That(r.Stderr, Does.Contain("Failed: Timed out waiting to power ON: CNODE1 was not active with a logon time other than"));
    }

    [Test]
    public async Task CycleNotAuthorizedFailsWithTheReason()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Image_Status_Query,Image_Query_Activate_Time"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method", "cycle", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Image_Recycle: RC 100 RS 16"));
    }
}
