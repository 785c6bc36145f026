using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

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
    public async Task CycleWithinTheSecondOfAPowerOnSucceeds()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off"]);
        await EarlyInASecondAsync();
        ProcessResult on = await AgentProcess.RunAsync(sim, "-o", "on", "-n", "CNODE1");
        DateTimeOffset logonAfterOn = sim.Guest("CNODE1").LogonTime!.Value;
        ProcessResult cycle = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method=cycle", "-n", "CNODE1", "--power-timeout", "5");

        Assert.That((on.ExitCode, on.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), on.ToString());
        Assert.That((cycle.ExitCode, cycle.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), cycle.ToString());
        GuestSnapshot guest = sim.Guest("CNODE1");
        Assert.That((guest.State, guest.Recycles), Is.EqualTo((GuestState.On, 1)));
        Assert.That(Seconds(guest.LogonTime!.Value), Is.GreaterThan(Seconds(logonAfterOn)), "the new logon time is distinguishable at one-second resolution");
    }

    [Test]
    public async Task CycleIsSeenThroughTheLogoffOfASlowRecycle()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], configure: o => o with { RecycleDelay = TimeSpan.FromSeconds(1.5) });
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method=cycle", "-n", "CNODE1", "-v");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        Assert.That((sim.Guest("CNODE1").State, sim.Guest("CNODE1").Recycles), Is.EqualTo((GuestState.On, 1)));
    }

    [Test]
    public async Task CycleNotAuthorizedFailsWithTheReason()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Image_Status_Query,Image_Query_Activate_Time"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "--method", "cycle", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Image_Recycle: RC 100 RS 16"));
    }

    private static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    /// <summary>Waits for the start of a new second, so that what follows shares it.</summary>
    private static async Task EarlyInASecondAsync()
    {
        while (DateTimeOffset.UtcNow.Millisecond > 100)
        {
            await Task.Delay(10);
        }
    }
}
