using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using static FenceZvm.Agent.Power.PowerState;

namespace FenceZvm.Tests.Semantics;

/// <summary>Issue 19 row 3: a plug list is all or nothing, and the failure names each plug that failed.</summary>
public sealed class PlugListTests
{
    [Test]
    public void OnPowersOnTheOffPlugEvenWhenAnotherIsOn()
    {
        var device = new FakePowerDevice().With("CNODE1", On).With("CNODE2", Off);
        Run r = Run.Action(device, FenceAction.On, "CNODE1", "CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(device.State("CNODE2"), Is.EqualTo(On));
        Assert.That(device.Count("on CNODE1"), Is.Zero, "a plug already on is left alone");
    }

    [Test]
    public void OffIsAlreadyOffOnlyWhenEveryPlugIs()
    {
        var device = new FakePowerDevice().With("CNODE1", Off).With("CNODE2", On);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1", "CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That((device.State("CNODE1"), device.State("CNODE2")), Is.EqualTo((Off, Off)));
    }

    [Test]
    public void OffFailsNamingTheOnePlugThatStayedOnAndStillFencesTheOthers()
    {
        var device = new FakePowerDevice().With("CNODE1", On).With("CNODE2", On).SlowToChange("CNODE2", statusQueries: -1);
        Run r = Run.With(device, Run.Options(FenceAction.Off, "CNODE1", "CNODE2") with { PowerTimeout = TimeSpan.FromSeconds(3) });
        Assert.That(r.Failure, Is.EqualTo("Failed: Timed out waiting to power OFF: CNODE2 did not reach OFF within 3 s"), r.ToString());
        Assert.That(device.State("CNODE1"), Is.EqualTo(Off));
    }

    [Test]
    public void SeveralFailuresAreNamedOnOneLine()
    {
        var device = new FakePowerDevice().With("CNODE1", On)
            .Answer("off CNODE1", () => throw new FenceFailure(FenceFailure.Refused("OFF", "CNODE1"), "RC 100 RS 16") { IsRefusal = true });
        Run r = Run.Action(device, FenceAction.Off, "CNODE1", "NOSUCH");
        Assert.That(r.Failure, Does.StartWith("Failed: Unable to power OFF CNODE1: RC 100 RS 16; ").And.Contain("NOSUCH is not a guest defined"), r.ToString());
        Assert.That(r.Failure, Does.Not.Contain("\n"));
    }

    [Test]
    public void StatusIsOnWhileAnyPlugIsOnAndNamesAMixedList()
    {
        Run mixed = Run.Action(new FakePowerDevice().With("CNODE1", On).With("CNODE2", Off), FenceAction.Status, "CNODE1", "CNODE2");
        Run allOff = Run.Action(new FakePowerDevice().With("CNODE1", Off).With("CNODE2", Off), FenceAction.Status, "CNODE1", "CNODE2");
        Assert.That((mixed.ExitCode, mixed.Stdout), Is.EqualTo((0, "Status: ON\n")), mixed.ToString());
        Assert.That(mixed.Warnings, Is.EqualTo(new[] { "Plugs ON: CNODE1; plugs OFF: CNODE2" }));
        Assert.That((allOff.ExitCode, allOff.Stdout, allOff.Warnings.Count), Is.EqualTo((2, "Status: OFF\n", 0)), allOff.ToString());
    }

    [Test]
    public void StatusFailsWhenAnyPlugsStatusCannotBeTold()
    {
        var device = new FakePowerDevice().With("CNODE1", On).With("CNODE2", On).FailStatusCall("CNODE2", 1);
        Run r = Run.Action(device, FenceAction.Status, "CNODE1", "CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Failure, Does.StartWith(FenceFailure.Status + ": CNODE2: "));
    }

    [Test]
    public void RebootPowersNothingOnWhenOnePlugCouldNotBeFenced()
    {
        var device = new FakePowerDevice().With("CNODE1", On);
        Run r = Run.Action(device, FenceAction.Reboot, "CNODE1", "NOSUCH");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(device.State("CNODE1"), Is.EqualTo(Off));
        Assert.That(device.Count("on CNODE1"), Is.Zero);
    }
}
