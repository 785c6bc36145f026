using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using static FenceZvm.Agent.Power.PowerState;

namespace FenceZvm.Tests.Semantics;

/// <summary>The action flow for one plug: status first, already-in-state, verification until the deadline, reboot.</summary>
public sealed class SingleTargetTests
{
    [Test]
    public void StatusIsAskedFirstAndAnActiveGuestIsAlreadyOn()
    {
        var device = new FakePowerDevice().With("CNODE1", On);
        Run r = Run.Action(device, FenceAction.On, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Already ON\n")), r.ToString());
        Assert.That(device.Calls, Is.EqualTo(new[] { "status CNODE1" }));
    }

    [Test]
    public void OffDeactivatesThenVerifiesByStatus()
    {
        var device = new FakePowerDevice().With("CNODE1", On);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(device.Calls, Is.EqualTo(new[] { "status CNODE1", "off CNODE1", "status CNODE1" }));
    }

    [Test]
    public void OffOfADefinedInactiveGuestIsAlreadyOffAfterOneDeactivationProbe()
    {
        var device = new FakePowerDevice().With("CNODE1", Off);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout, r.Warnings), Is.EqualTo((0, "Success: Already OFF\n", Array.Empty<string>())), r.ToString());
        Assert.That(device.Calls, Is.EqualTo(new[] { "status CNODE1", "off CNODE1" }), "200/12 is final: nothing to verify");
    }

    [Test]
    public void VerificationWaitsUntilTheGuestIsOff()
    {
        var device = new FakePowerDevice().With("CNODE1", On).SlowToChange("CNODE1", statusQueries: 3);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(device.Count("status CNODE1"), Is.EqualTo(1 + 4));
        Assert.That(r.Waited, Is.EqualTo(TimeSpan.FromSeconds(0.4)), "the default schedule: 0.2 s, then 0.1 s between polls");
    }

    [Test]
    public void VerificationEndsAtThePowerTimeoutAndATimeoutIsAFailure()
    {
        var device = new FakePowerDevice().With("CNODE1", On).SlowToChange("CNODE1", statusQueries: -1);
        AgentOptions options = Run.Options(FenceAction.Off, "CNODE1") with { PowerTimeout = TimeSpan.FromSeconds(5) };
        Run r = Run.With(device, options);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Failure, Is.EqualTo("Failed: Timed out waiting to power OFF: CNODE1 did not reach OFF within 5 s"));
        Assert.That(r.Waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.LessThan(TimeSpan.FromSeconds(6)));
        Assert.That(device.Count("off CNODE1"), Is.EqualTo(1), "a deactivation is never sent twice");
    }

    [Test]
    public void RebootIsVerifiedOffThenOn()
    {
        var device = new FakePowerDevice().With("CNODE1", On);
        Run r = Run.Action(device, FenceAction.Reboot, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        Assert.That(device.Calls, Is.EqualTo(new[] { "status CNODE1", "off CNODE1", "status CNODE1", "on CNODE1", "status CNODE1" }));
        Assert.That(device.State("CNODE1"), Is.EqualTo(On));
    }

    [Test]
    public void RebootWhosePowerOnFailsIsStillRebootedAsUpstream()
    {
        var device = new FakePowerDevice().With("CNODE1", On)
            .Answer("on CNODE1", () => throw new FenceFailure(FenceFailure.Refused("ON", "CNODE1"), "RC 8 RS 2") { IsRefusal = true });
        Run r = Run.Action(device, FenceAction.Reboot, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        Assert.That(r.Warnings, Has.Some.Contains("Unable to power ON CNODE1").And.Some.EqualTo("Timed out waiting to power ON"));
        Assert.That(device.State("CNODE1"), Is.EqualTo(Off));
    }

    [Test]
    public void ARefusedDeactivationIsFinalAndFailsWithoutWaiting()
    {
        var device = new FakePowerDevice().With("CNODE1", On)
            .Answer("off CNODE1", () => throw new FenceFailure(FenceFailure.Refused("OFF", "CNODE1"), "Image_Deactivate: RC 100 RS 16: not authorized") { IsRefusal = true });
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That(r.Failure, Is.EqualTo("Failed: Unable to power OFF CNODE1: Image_Deactivate: RC 100 RS 16: not authorized"), r.ToString());
        Assert.That(device.Calls, Is.EqualTo(new[] { "status CNODE1", "off CNODE1" }));
        Assert.That(r.Waited, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void AStatusQueryThatFailsWhileWaitingIsAskedAgain()
    {
        var device = new FakePowerDevice().With("CNODE1", On).FailStatusCall("CNODE1", 2);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(device.Count("status CNODE1"), Is.EqualTo(3));
    }

    [Test]
    public void AFailedFirstStatusFailsTheAction()
    {
        var device = new FakePowerDevice().With("CNODE1", On).FailStatusCall("CNODE1", 1);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That(r.Failure, Does.StartWith(FenceFailure.Status), r.ToString());
        Assert.That(device.Calls, Is.EqualTo(new[] { "status CNODE1" }));
    }
}
