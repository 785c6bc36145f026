using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;

namespace FenceZvm.Tests.Agent;

/// <summary>The pauses between status calls, as a pure sequence (no clock): the default schedule and a given stonith_status_sleep.</summary>
public sealed class PollScheduleTests
{
    private static readonly TimeSpan Tenth = TimeSpan.FromMilliseconds(100);

    [Test]
    public void Default_AsksAfterATwoTenthPauseThenEveryTenthForThreeSecondsThenBacksOffToOneSecond()
    {
        var pauses = Pauses(PollSchedule.For(new AgentOptions()), TimeSpan.FromSeconds(12), TimeSpan.Zero);

        Assert.That(pauses[0], Is.EqualTo(2 * Tenth));
        Assert.That(pauses.Skip(1).Take(28), Has.All.EqualTo(Tenth), "every 0.1 s up to 3 s of waiting");
        Assert.That(pauses.Skip(29).Take(6).Select(p => Math.Round(p.TotalMilliseconds)), Is.EqualTo(new[] { 150, 225, 338, 506, 759, 1000 }));
        Assert.That(pauses.Skip(35), Has.All.EqualTo(TimeSpan.FromSeconds(1)), "never slower than stonith_status_sleep's default");
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(40)]
    [TestCase(700)]
    public void Default_NeverSendsMoreThanTenCallsPerSecondOfWaiting(int queryMilliseconds)
    {
        // Calls at 0 (right after the request), then one after each pause; the rate is calls over the time
        // from the request until the answer to the last call.
        var query = TimeSpan.FromMilliseconds(queryMilliseconds);
        var schedule = PollSchedule.For(new AgentOptions());
        TimeSpan now = query;
        for (int calls = 2; now < TimeSpan.FromSeconds(120); calls++)
        {
            now += schedule.NextPause(now) + query;
            Assert.That(calls, Is.LessThanOrEqualTo((10 * now.TotalSeconds) + 1e-9), $"after {calls} calls in {now}");
        }
    }

    [Test]
    public void Default_IsTheSameUnderPacemakerWithoutADeadline()
    {
        var alone = Pauses(PollSchedule.For(new AgentOptions()), TimeSpan.FromSeconds(30), TimeSpan.Zero);
        var underPacemaker = Pauses(PollSchedule.For(new AgentOptions { DisableTimeout = true, PowerTimeout = TimeSpan.Zero }), TimeSpan.FromSeconds(30), TimeSpan.Zero);

        Assert.That(underPacemaker, Is.EqualTo(alone));
    }

    [TestCase("0.5", 500)]
    [TestCase("1", 1000)]
    [TestCase("0", 0)]
    [TestCase("3", 3000)]
    public void GivenStonithStatusSleep_IsEveryPauseExactly(string given, int milliseconds)
    {
        var fromArgv = Parse.Args("-o", "off", "-a", "h", "-l", "u", "-p", "p", "-n", "g", "--stonith-status-sleep", given).Options;
        var fromStdin = Parse.Stdin($"action=off\nip=h\nusername=u\npassword=p\nport=g\nstonith_status_sleep={given}\n").Options;

        foreach (AgentOptions options in (AgentOptions[])[fromArgv, fromStdin])
        {
            Assert.That(options.StonithStatusSleepGiven, Is.True);
            var pauses = Pauses(PollSchedule.For(options), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1)).Take(20);
            Assert.That(pauses, Has.All.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
        }
    }

    [Test]
    public void NotGiven_IsKnownFromArgvAndStdin()
    {
        Assert.That(Parse.Args("-o", "off", "-a", "h", "-l", "u", "-p", "p", "-n", "g").Options.StonithStatusSleepGiven, Is.False);
        Assert.That(Parse.Stdin("action=off\nip=h\nusername=u\npassword=p\nport=g\n").Options.StonithStatusSleepGiven, Is.False);
    }

    /// <summary>The pauses a schedule asks for over <paramref name="span"/> of waiting, each call taking <paramref name="query"/>.</summary>
    private static List<TimeSpan> Pauses(PollSchedule schedule, TimeSpan span, TimeSpan query)
    {
        var pauses = new List<TimeSpan>();
        TimeSpan waited = query;
        while (waited < span && pauses.Count < 10_000)
        {
            TimeSpan pause = schedule.NextPause(waited);
            pauses.Add(pause);
            waited += pause + query;
        }

        return pauses;
    }
}
