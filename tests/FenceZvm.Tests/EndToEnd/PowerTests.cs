using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

public sealed class PowerTests
{
    [Test]
    public async Task OffDeactivatesAnActiveGuestAndVerifiesIt()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Powered OFF\n"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(1));
        Assert.That(sim.Guest("CNODE2").State, Is.EqualTo(GuestState.On), "only the target is touched");
    }

    [Test]
    public async Task OffOfAnInactiveGuestSaysAlreadyOffWithoutDeactivating()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Already OFF\n"));
        Assert.That(sim.Guest("CNODE2").Deactivations, Is.EqualTo(0));
    }

    [Test]
    public async Task OnActivatesAnInactiveGuest()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "on", "-n", "CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Powered ON\n"));
        Assert.That(sim.Guest("CNODE2").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task OnOfAnActiveGuestSaysAlreadyOn()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "on", "-n", "CNODE1");
        Assert.That(r.Stdout, Is.EqualTo("Success: Already ON\n"));
        Assert.That(sim.Guest("CNODE1").Activations, Is.EqualTo(0));
    }

    [Test]
    public async Task SlowDeactivationIsWaitedFor()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], deactivateDelay: TimeSpan.FromSeconds(2));
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "--power-timeout", "15");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Powered OFF\n"));
        Assert.That(r.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)), "success must wait until the guest is really off");
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task DeactivationThatNeverCompletesFailsAfterThePowerTimeout()
    {
        await using var sim = SimulatorHost.Start(["CNODE3=on:stuck"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE3", "--power-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout, Does.Not.Contain("Success"));
        Assert.That(r.Stderr, Does.Contain("ERROR: Failed: Timed out waiting to power OFF"));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2 + 10)), "must give up after the power timeout");
        Assert.That(sim.Guest("CNODE3").Active, Is.True);
    }

    [Test]
    public async Task OffNotAuthorizedFailsAtOnceWithTheReason()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Image_Status_Query"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Failed: Unable to power OFF CNODE1: Image_Deactivate: RC 100 RS 16: not authorized by the server"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task OnOfAnUndefinedGuestFailsWithImageNotFound()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "on", "-n", "NOSUCH");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined").And.Contain("image not found"));
    }

    [Test]
    public async Task DelayIsHonouredBeforeOff()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "--delay", "2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)));
    }
}
