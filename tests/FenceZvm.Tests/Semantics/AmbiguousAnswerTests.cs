using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using static FenceZvm.Agent.Power.PowerState;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// Issue 19 rows 5 and 6: which answers are final, and how an answer that leaves the outcome open
/// (RC 900) is settled: by status, a deactivation never resent, an activation reissued within retry_on.
/// </summary>
public sealed class AmbiguousAnswerTests
{
    [Test]
    public void AnUnconfirmedDeactivationThatHappenedIsPoweredOff()
    {
        var device = new FakePowerDevice().With("CNODE1", On);
        device.Answer("off CNODE1", () =>
        {
            device.With("CNODE1", Off);
            return PowerRequestResult.Unconfirmed;
        });
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(device.Count("off CNODE1"), Is.EqualTo(1));
    }

    [Test]
    public void AnUnconfirmedDeactivationThatDidNotHappenIsNeverSentAgain()
    {
        var device = new FakePowerDevice().With("CNODE1", On).Answer("off CNODE1", PowerRequestResult.Unconfirmed);
        Run r = Run.Action(device, FenceAction.Off, "CNODE1");
        Assert.That(r.Failure, Does.StartWith(FenceFailure.WaitingOff).And.Contain("unconfirmed"), r.ToString());
        Assert.That(device.Count("off CNODE1"), Is.EqualTo(1));
        Assert.That(r.Waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(20)).And.LessThan(TimeSpan.FromSeconds(21)));
    }

    [Test]
    public void AnUnconfirmedActivationIsReissuedWithinThePowerTimeout()
    {
        var device = new FakePowerDevice().With("CNODE1", Off).Answer("on CNODE1", PowerRequestResult.Unconfirmed);
        Run r = Run.Action(device, FenceAction.On, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(device.Count("on CNODE1"), Is.EqualTo(2));
        Assert.That(r.Waited, Is.LessThan(TimeSpan.FromSeconds(5)), "not after a whole power timeout, as upstream");
    }

    [TestCase(int.MaxValue)]
    [TestCase(-1)]
    public void AnExtremeRetryOnStillMeansOneAttemptOrNone(int retryOn)
    {
        var device = new FakePowerDevice().With("CNODE1", Off);
        Run r = Run.With(device, Run.Options(FenceAction.On, "CNODE1") with { RetryOn = retryOn });
        Assert.That(device.Count("on CNODE1"), Is.EqualTo(retryOn < 0 ? 0 : 1), r.ToString());
        Assert.That(r.ExitCode, Is.EqualTo(retryOn < 0 ? 1 : 0), "upstream makes 1 + retry_on attempts: none when negative");
    }

    [Test]
    public void RetryOnZeroMeansNoReissue()
    {
        var device = new FakePowerDevice().With("CNODE1", Off).Answer("on CNODE1", PowerRequestResult.Unconfirmed);
        Run r = Run.With(device, Run.Options(FenceAction.On, "CNODE1") with { RetryOn = 0 });
        Assert.That(r.Failure, Does.StartWith(FenceFailure.WaitingOn), r.ToString());
        Assert.That(device.Count("on CNODE1"), Is.EqualTo(1));
    }

    [Test]
    public void RetryOnReissuesAnAcceptedActivationThatNeverCameUpAfterAWholePowerTimeout()
    {
        var device = new FakePowerDevice().With("CNODE1", Off).Answer("on CNODE1", PowerRequestResult.Accepted);
        Run r = Run.With(device, Run.Options(FenceAction.On, "CNODE1") with { PowerTimeout = TimeSpan.FromSeconds(4) });
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(device.Count("on CNODE1"), Is.EqualTo(2));
        Assert.That(r.Waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void ABusyImageIsAskedAgainAtEveryPoll()
    {
        var device = new FakePowerDevice().With("CNODE1", Off)
            .Answer("on CNODE1", PowerRequestResult.Busy).Answer("on CNODE1", PowerRequestResult.Busy);
        Run r = Run.Action(device, FenceAction.On, "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(device.Count("on CNODE1"), Is.EqualTo(3));
    }

    [Test]
    public void ANotDefinedAnswerIsFinal()
    {
        var device = new FakePowerDevice().With("CNODE1", Off).Answer("on CNODE1", PowerRequestResult.NotDefined);
        Run r = Run.Action(device, FenceAction.On, "CNODE1");
        Assert.That(r.Failure, Does.Contain("CNODE1 is not a guest defined"), r.ToString());
        Assert.That((device.Count("on CNODE1"), r.Waited), Is.EqualTo((1, TimeSpan.Zero)));
    }
}
