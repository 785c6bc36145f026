using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

public sealed class MultiPlugTests
{
    [Test]
    public async Task OffFencesEveryPlugOfTheList()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=on", "CNODE3=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1,CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Powered OFF\n"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(sim.Guest("CNODE2").State, Is.EqualTo(GuestState.Off));
        Assert.That(sim.Guest("CNODE3").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task StatusIsOnWhenAnyPlugIsOn()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off", "CNODE2=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1,CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")));
    }

    [Test]
    public async Task SlowPlugsAreAllFencedWithTheirOwnSeparator()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=on", "CNODE3=on"], deactivateDelay: TimeSpan.FromSeconds(2));
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1:CNODE2:CNODE3", "--plug-separator", ":");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(sim.System.ActiveGuests(), Is.Empty);
        Assert.That(sim.System.Snapshot().Select(g => g.Deactivations), Is.All.EqualTo(1));
    }

    [Test]
    public async Task EachPlugIsCheckedAgainstEightCharacters()
    {
        ProcessResult r = await AgentProcess.RunAsync("-o", "off", "-a", "h", "-l", "U", "-p", "P", "-n", "CNODE1,TOOLONGNAME");
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stderr, Does.Contain("Failed: Name of image can not be longer than 8 characters"));
    }

    [Test]
    public async Task OnPowersOnTheOffPlugWhenAnotherIsAlreadyOn()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "on", "-n", "CNODE1,CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That((sim.Guest("CNODE1").State, sim.Guest("CNODE2").State), Is.EqualTo((GuestState.On, GuestState.On)));
        Assert.That(sim.Guest("CNODE1").Activations, Is.Zero);
    }

    [Test]
    public async Task OffFailsNamingOnlyThePlugThatWasRefusedAndFencesTheRest()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "SECRET=on"], faults: ["rc:100/16@Image_Deactivate#SECRET"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1,SECRET");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("SECRET").And.Contain("RC 100 RS 16").And.Not.Contain("CNODE1"));
        Assert.That((sim.Guest("CNODE1").State, sim.Guest("SECRET").State), Is.EqualTo((GuestState.Off, GuestState.On)));
    }

    [Test]
    public async Task StatusOfAMixedListIsOnAndNamesWhichPlugIsWhich()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=off", "CNODE2=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1,CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Plugs ON: CNODE2; plugs OFF: CNODE1"));
    }
}
