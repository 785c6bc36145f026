using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using static FenceZvm.Agent.Power.PowerState;

namespace FenceZvm.Tests.Semantics;

/// <summary>Issue 17 in the action flow: what an undefined plug does to each action, with missing_as_off both ways.</summary>
public sealed class UndefinedTargetSemanticsTests
{
    [TestCase(FenceAction.Off)]
    [TestCase(FenceAction.On)]
    [TestCase(FenceAction.Reboot)]
    [TestCase(FenceAction.Status)]
    public void AnUndefinedPlugFailsEveryAction(FenceAction action)
    {
        var device = new FakePowerDevice();
        Run r = Run.Action(device, action, "NOSUCH");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Failure, Does.Contain("NOSUCH is not a guest defined on the z/VM system of SMAPI server zvm.example.com port 44444"));
        Assert.That(r.Stdout, Is.Empty);
    }

    [Test]
    public void OffLearnsItFromTheDeactivationAndNeverPowersAnythingOn()
    {
        var device = new FakePowerDevice();
        Run.Action(device, FenceAction.Reboot, "NOSUCH");
        Assert.That(device.Calls, Is.EqualTo(new[] { "status NOSUCH", "off NOSUCH" }));
    }

    [Test]
    public void StatusLearnsItFromTheListOfDefinedImages()
    {
        var device = new FakePowerDevice();
        Run.Action(device, FenceAction.Status, "NOSUCH");
        Assert.That(device.Calls, Is.EqualTo(new[] { "status NOSUCH", "defined" }), "status never sends a power request");
    }

    [TestCase(FenceAction.Off, 0, "Success: Already OFF\n")]
    [TestCase(FenceAction.Status, 2, "Status: OFF\n")]
    [TestCase(FenceAction.Reboot, 1, "")]
    [TestCase(FenceAction.On, 1, "")]
    public void MissingAsOffCountsItAsOffWithAWarningButNeverRebootsOrPowersOn(FenceAction action, int exitCode, string stdout)
    {
        Run r = Run.With(new FakePowerDevice(), Run.Options(action, "NOSUCH") with { MissingAsOff = true });
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((exitCode, stdout)), r.ToString());
        if (exitCode == 1)
        {
            Assert.That(r.Failure, Does.Contain("NOSUCH is not a guest defined"));
        }
        else
        {
            Assert.That(r.Warnings, Has.One.Contains("NOSUCH is not a guest defined").And.Contains("missing_as_off=1"));
        }
    }

    [Test]
    public void WhenTheDeactivationCannotTellTheDefinedImagesDecide()
    {
        var device = new FakePowerDevice().With("CNODE2", Off).Answer("off CNODE2", PowerRequestResult.Unconfirmed);
        Run r = Run.Action(device, FenceAction.Off, "CNODE2");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Already OFF\n")), r.ToString());
        Assert.That(device.Calls, Does.Contain("defined"));
    }

    [Test]
    public void WhenNothingCanTellTheFenceFailsUnlessMissingAsOff()
    {
        FakePowerDevice Device() => new FakePowerDevice { DefinedNamesFailure = new FenceFailure(FenceFailure.Status, "Image_Name_Query_DM: RC 100 RS 16") }
            .With("CNODE2", Off).Answer("off CNODE2", PowerRequestResult.Unconfirmed);
        Run strict = Run.Action(Device(), FenceAction.Off, "CNODE2");
        Run lenient = Run.With(Device(), Run.Options(FenceAction.Off, "CNODE2") with { MissingAsOff = true });
        Assert.That(strict.Failure, Does.Contain("cannot be told").And.Contain("RC 100 RS 16"), strict.ToString());
        Assert.That((lenient.ExitCode, lenient.Stdout), Is.EqualTo((0, "Success: Already OFF\n")), lenient.ToString());
    }

    [Test]
    public void TheLineSaysWhereTheNameCameFrom()
    {
        AgentOptions fromFencer = Run.Options(FenceAction.Off, "CNOD1") with { PlugOrigin = PlugOrigin.Stdin, NodeName = "cnode1" };
        AgentOptions unmapped = Run.Options(FenceAction.Off, "cnode1") with { PlugOrigin = PlugOrigin.Stdin, NodeName = "cnode1" };
        AgentOptions iucv = Run.Options(FenceAction.Off, "CNOD1") with { Flavor = AgentFlavor.Zvm, Hosts = ["VSMREQIU"] };
        Assert.Multiple(() =>
        {
            Assert.That(Run.With(new FakePowerDevice(), fromFencer).Failure, Does.Contain("passed it as port= for node cnode1: check that node's entry in pcmk_host_map"));
            Assert.That(Run.With(new FakePowerDevice(), unmapped).Failure, Does.Contain("node cnode1's own name as the guest"));
            Assert.That(Run.With(new FakePowerDevice(), iucv).Failure, Does.Contain("SMAPI IUCV server VSMREQIU"));
        });
    }

    [Test]
    public void ARebootWhosePowerOnFindsNoSuchGuestFailsEvenWithMissingAsOff()
    {
        // Nothing could tell before the power-on: the deactivation was unconfirmed and the directory list failed.
        var device = new FakePowerDevice { DefinedNamesFailure = new FenceFailure(FenceFailure.Status, "RC 100 RS 16") }
            .Answer("off GHOST", PowerRequestResult.Unconfirmed);
        Run r = Run.With(device, Run.Options(FenceAction.Reboot, "GHOST") with { MissingAsOff = true });
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Failure, Does.Contain("GHOST is not a guest defined").And.Contain("image not found"));
    }
}
