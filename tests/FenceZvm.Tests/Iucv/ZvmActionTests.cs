using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Iucv;

/// <summary>fence_zvm, every action, through the simulator's Unix-socket stand-in for AF_IUCV.</summary>
public sealed class ZvmActionTests
{
    private const string Caller = "CNODE2";

    [Test]
    public async Task StatusOfAnActiveGuestIsOnAndExitsZero()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout, r.Stderr), Is.EqualTo((0, "Status: ON\n", string.Empty)), r.ToString());
    }

    [Test]
    public async Task StatusOfAnInactiveGuestIsOffAndExitsTwo()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "status", "-n", "cnode1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((2, "Status: OFF\n")), r.ToString());
    }

    [Test]
    public async Task OffDeactivatesAndVerifies()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=on"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That((sim.Guest("CNODE1").State, sim.Guest("CNODE2").State), Is.EqualTo((GuestState.Off, GuestState.On)));
    }

    [Test]
    public async Task OnActivates()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "on", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task RebootIsTheDefaultActionAndDeactivatesThenActivates()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        GuestSnapshot guest = sim.Guest("CNODE1");
        Assert.That((guest.State, guest.Deactivations, guest.Activations), Is.EqualTo((GuestState.On, 1, 1)));
    }

    [Test]
    public async Task ListAndListStatusNameEveryDefinedGuest()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"], iucvCaller: Caller);
        ProcessResult list = await ZvmAgentProcess.RunAsync(sim, "-o", "list");
        Assert.That(list.StdoutLines, Is.EquivalentTo(new[] { "CNODE1,", "CNODE2," }), list.ToString());
        ProcessResult status = await ZvmAgentProcess.RunAsync(sim, "-o", "list-status");
        Assert.That(status.StdoutLines, Is.EquivalentTo(new[] { "CNODE1,,on", "CNODE2,,off" }), status.ToString());
        Assert.That((list.ExitCode, status.ExitCode), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task MonitorReallyAsksTheServer()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: Caller);
        ProcessResult ok = await ZvmAgentProcess.RunAsync(sim, "-o", "monitor", "-v");
        Assert.That(ok.ExitCode, Is.EqualTo(0), ok.ToString());
        Assert.That(ok.Stderr, Does.Contain("Query_API_Functional_Level: RC 0 RS 640"));

        await using var refusing = SimulatorHost.Start(["CNODE1=on"], faults: ["rc:100/16@Query_API_Functional_Level"], iucvCaller: Caller);
        ProcessResult denied = await ZvmAgentProcess.RunAsync(refusing, "-o", "monitor");
        Assert.That(denied.ExitCode, Is.EqualTo(1), denied.ToString());
        Assert.That(denied.Stderr, Does.Contain("Query_API_Functional_Level: RC 100 RS 16"));
    }

    [Test]
    public async Task StdinOptionsWork()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunWithStdinAsync(sim, "agent=fence_zvm\naction=off\nport=CNODE1\nipaddr=VSMREQIU\nzvmsys=ZVMSYS1\ntimeout=10\n");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
    }

    [Test]
    public async Task ACallerNotAuthorizedBySmapiGetsRc100Rs16()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["CMANAGER:unused"], iucvCaller: "CNODE9");
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("RC 100 RS 16: not authorized by the server"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task ASlowDeactivationIsWaitedFor()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], deactivateDelay: TimeSpan.FromSeconds(2), iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "--power-timeout", "15");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(r.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task AStuckDeactivationFailsAfterThePowerTimeout()
    {
        await using var sim = SimulatorHost.Start(["CNODE3=on:stuck"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE3", "--power-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Failed: Timed out waiting to power OFF"));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(12)));
    }

    [Test]
    public async Task TheTimeoutOptionBoundsASilentServer()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["silence"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1", "-T", "1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Image_Status_Query: timed out after 1 s waiting for the request id (IUCV VSMREQIU (stand-in"));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "-T must bound the exchange");
    }

    [Test]
    public async Task AStandInNobodyListensOnIsRefused()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["refuse"], iucvCaller: Caller);
        ProcessResult r = await ZvmAgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("nothing listens on the IUCV stand-in socket"));
    }
}
