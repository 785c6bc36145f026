using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.State;
using NUnit.Framework;

namespace FenceZvm.Tests.Simulator;

/// <summary>
/// With a deactivation delay the guest goes off at a moment of its own, and a status query may be the
/// first to notice (the transition's timer can fire late on a loaded machine). The guest hook must
/// still have run before that query shows the guest off.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class GuestHookTimingTests
{
    [Test]
    public void ADelayedLogoffNoticedFirstByAStatusQuery_HasRunTheHookBeforeTheAnswer()
    {
        string record = Path.Combine(Path.GetTempPath(), $"smapi-sim-hook-{Guid.NewGuid():N}.txt");
        try
        {
            var clock = new ClockWithLateTimers();
            using var system = new ZvmSystem(
                [GuestDefinition.Parse("CNODE1=on")], [SmapiUser.Parse("FENCE:secret")], deactivateDelay: TimeSpan.FromSeconds(2), timeProvider: clock);
            using var log = new StringWriter();
            using var hook = new GuestHook(system, $"echo \"$SMAPI_SIM_GUEST $SMAPI_SIM_STATE\" >>{record} #", log);

            system.Deactivate("CNODE1");
            clock.Now += TimeSpan.FromSeconds(2);
            GuestSnapshot seen = system.QueryStatus("CNODE1")!;

            Assert.That(seen.Active, Is.False);
            Assert.That(File.Exists(record) ? File.ReadAllText(record) : "(the hook never ran)", Is.EqualTo("CNODE1 off\n"));
            Assert.That(log.ToString(), Is.Empty);
        }
        finally
        {
            File.Delete(record);
        }
    }

    /// <summary>A clock set by hand whose timers never fire: the query always comes first.</summary>
    private sealed class ClockWithLateTimers : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

        private sealed class NeverFires : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
