using Microsoft.Extensions.Time.Testing;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that moves only while the code under test is waiting on it.
/// Timer callbacks and the continuations they release may run on other threads, so after a step
/// that fired a timer, the clock waits (in real time) until the code has either finished or set up
/// its next timer; the fake time the code sees is therefore the same in every run.
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private readonly TimeSpan step;
    private readonly FakeTimeProvider fake = new();
    private long created;
    private long fired;
    private long armed;

    public DateTimeOffset Start { get; } = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <param name="step">How far the clock moves at a time (default 0.1 s): the resolution of the times the code sees.</param>
    public SteppingClock(TimeSpan? step = null)
    {
        this.step = step ?? TimeSpan.FromMilliseconds(100);
        fake.SetUtcNow(Start);
    }

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new ArmedTimer(this);
        tracked.Inner = fake.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref fired);
                tracked.Fired(period);
                callback(s);
            },
            state,
            dueTime,
            period);

        // Counted only once the fake clock holds the due time: the stepping loop moves the clock as soon as
        // it sees a new timer, and Task.Delay's continuations run on the thread pool, so a timer counted
        // before it was registered could be registered a few steps late (a poll at 3.04 s, not 3 s).
        tracked.Settle(dueTime, period, firesBefore: 0);
        Interlocked.Increment(ref created);
        return tracked;
    }

    /// <summary>Steps the clock until <paramref name="task"/> is done; false after <paramref name="limit"/> of fake time.</summary>
    public bool RunUntilDone(Task task, TimeSpan limit)
    {
        while (!task.IsCompleted)
        {
            if (GetUtcNow() - Start >= limit)
            {
                return false;
            }

            // No timer armed and not done: the code is running (a continuation on another thread), not
            // waiting on the clock. Moving the clock now would let it read a time far past its last wait.
            if (Interlocked.Read(ref armed) == 0)
            {
                if (!SpinWait.SpinUntil(() => task.IsCompleted || Interlocked.Read(ref armed) > 0, TimeSpan.FromSeconds(30)))
                {
                    throw new AssertionException("the code neither finished nor waited on the clock within 30 s");
                }

                continue;
            }

            long createdBefore = Interlocked.Read(ref created);
            long firedBefore = Interlocked.Read(ref fired);
            fake.Advance(step);
            if (Interlocked.Read(ref fired) != firedBefore
                && !SpinWait.SpinUntil(() => task.IsCompleted || Interlocked.Read(ref created) != createdBefore, TimeSpan.FromSeconds(30)))
            {
                throw new AssertionException("the code neither finished nor waited again within 30 s after a timer fired");
            }
        }

        return true;
    }

    /// <summary>A timer of the fake clock that keeps <see cref="armed"/> right: armed while it has a due time to fire at.</summary>
    private sealed class ArmedTimer(SteppingClock clock) : ITimer
    {
        private readonly Lock gate = new();
        private bool isArmed;
        private long fires;

        public ITimer Inner { get; set; } = null!;

        /// <summary>The fake clock first, then the count, as in <see cref="CreateTimer"/>.</summary>
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            long before = Interlocked.Read(ref fires);
            bool changed = Inner.Change(dueTime, period);
            Settle(dueTime, period, before);
            return changed;
        }

        public void Dispose()
        {
            Arm(false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>Armed after a (re)start unless it has no due time, or is a one-shot that fired meanwhile.</summary>
        public void Settle(TimeSpan dueTime, TimeSpan period, long firesBefore) =>
            Arm(dueTime != Timeout.InfiniteTimeSpan && !(IsOneShot(period) && Interlocked.Read(ref fires) != firesBefore));

        /// <summary>A one-shot timer is spent once it fired; a periodic one stays armed.</summary>
        public void Fired(TimeSpan period)
        {
            Interlocked.Increment(ref fires);
            if (IsOneShot(period))
            {
                Arm(false);
            }
        }

        private static bool IsOneShot(TimeSpan period) => period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero;

        private void Arm(bool value)
        {
            lock (gate)
            {
                if (value != isArmed)
                {
                    isArmed = value;
                    Interlocked.Add(ref clock.armed, value ? 1 : -1);
                }
            }
        }
    }
}
