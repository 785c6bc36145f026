using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;
using FenceZvm.Tests.Semantics;
using Microsoft.Extensions.Logging.Abstractions;

namespace FenceZvm.Tests.Agent;

/// <summary>The poller on a fake clock: when it asks, when it notices, when it gives up.</summary>
public sealed class StatusPollerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    [TestCase(300)]
    [TestCase(700)]
    [TestCase(1300)]
    [TestCase(2600)]
    public async Task Default_NoticesAChangeWithinATenthAndAsksAtMostTenTimesASecond(int changeMilliseconds)
    {
        var change = TimeSpan.FromMilliseconds(changeMilliseconds);
        var (reached, calls, ended) = await RunAsync(new AgentOptions(), change, TimeSpan.FromSeconds(30));

        Assert.That(reached, Is.True);
        Assert.That(ended - change, Is.InRange(TimeSpan.Zero, TimeSpan.FromMilliseconds(100)), "noticed within 0.1 s of the change");
        Assert.That(calls.Count, Is.LessThanOrEqualTo((10 * ended.TotalSeconds) + 1e-9), string.Join(" ", calls));
    }

    [Test]
    public async Task GivenStatusSleep_AsksAtOnceThenEverySleep()
    {
        var options = new AgentOptions { StonithStatusSleep = TimeSpan.FromSeconds(1), StonithStatusSleepGiven = true };
        var (reached, calls, _) = await RunAsync(options, TimeSpan.FromMilliseconds(2300), TimeSpan.FromSeconds(30));

        Assert.That(reached, Is.True);
        Assert.That(calls.Select(c => c.TotalSeconds), Is.EqualTo(new[] { 0.0, 1.0, 2.0, 3.0 }), "as upstream: at once, then every second");
    }

    [Test]
    public async Task GivesUpAtThePowerTimeout()
    {
        var options = new AgentOptions { PowerTimeout = TimeSpan.FromSeconds(2) };
        var (reached, calls, ended) = await RunAsync(options, TimeSpan.MaxValue, TimeSpan.FromSeconds(30));

        Assert.That(reached, Is.False);
        Assert.That(ended, Is.InRange(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) + Step));
        Assert.That(calls, Has.Count.EqualTo(19), "at 0, 0.2 s, then every 0.1 s");
    }

    [Test]
    public async Task WithoutADeadline_KeepsAskingOnTheSameSchedule()
    {
        var underPacemaker = new AgentOptions { DisableTimeout = true };
        var (reached, calls, _) = await RunAsync(underPacemaker, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(60));

        Assert.That(reached, Is.True, "no deadline of its own: waits past power_timeout");
        Assert.That(Pauses(underPacemaker), Is.EqualTo(Pauses(new AgentOptions { PowerTimeout = TimeSpan.FromSeconds(50) })), "the deadline does not change the schedule");

        // The clock moves in steps, so a gap is the pause rounded up to the step.
        TimeSpan longest = calls.Zip(calls.Skip(1), (a, b) => b - a).Max();
        Assert.That(longest, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) + Step), "backs off to 1 s and no further");
    }

    /// <summary>The pauses the schedule asks for over 60 s of waiting, computed without any clock.</summary>
    private static List<TimeSpan> Pauses(AgentOptions options)
    {
        PollSchedule schedule = PollSchedule.For(options);
        var pauses = new List<TimeSpan>();
        for (TimeSpan waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += pauses[^1])
        {
            pauses.Add(schedule.NextPause(waited));
        }

        return pauses;
    }

    /// <summary>
    /// Polls a condition that holds from <paramref name="change"/> on, moving the fake clock in small steps;
    /// returns whether it was reached, the times of the calls and the time the wait ended.
    /// </summary>
    private static async Task<(bool Reached, List<TimeSpan> Calls, TimeSpan Ended)> RunAsync(AgentOptions options, TimeSpan change, TimeSpan limit)
    {
        var clock = new SteppingClock(Step);
        DateTimeOffset start = clock.Start;
        var calls = new List<TimeSpan>();
        var poller = new StatusPoller(options, NullLogger.Instance, clock);
        Task<bool> wait = Task.Factory.StartNew(
            () => poller.Until(
                _ =>
                {
                    TimeSpan now = clock.GetUtcNow() - start;
                    calls.Add(now);
                    return now >= change;
                },
                CancellationToken.None),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Assert.That(clock.RunUntilDone(wait, limit), Is.True, "the wait did not end");
        return (await wait, calls, clock.GetUtcNow() - start);
    }
}
