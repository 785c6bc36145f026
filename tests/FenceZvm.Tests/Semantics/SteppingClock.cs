using Microsoft.Extensions.Time.Testing;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that moves only while the code under test is waiting on it. The
/// code runs on a thread of its own and waits by blocking until a timer of this clock fires; each
/// timer callback therefore holds the clock (in real time) until the code has either finished or set up
/// its next wait, so that the code never reads the clock while it moves: the fake time the code sees
/// is the same in every run. A deadline (a <see cref="CancellationTokenSource"/> cancelled by one of
/// these timers) is not a wait: the code runs on while one is pending, and the clock does not move then.
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private readonly TimeSpan step;
    private readonly FakeTimeProvider fake = new();
    private long waitsCreated;
    private long armed;
    private Task? running;

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
        // The runtime's CancellationTokenSource hands itself to its timer as the state.
        bool isWait = state is not CancellationTokenSource;
        var tracked = new ArmedTimer(this, isWait);
        tracked.Inner = fake.CreateTimer(
            s =>
            {
                long waitsBefore = Interlocked.Read(ref waitsCreated);
                tracked.Fired(period);
                callback(s);
                AwaitReaction(waitsBefore);
            },
            state,
            dueTime,
            period);

        // Counted only once the fake clock holds the due time: a wait counted before it was registered
        // could let the clock move past its due time first (a poll at 3.1 s, not 3 s).
        tracked.Settle(dueTime, period, firesBefore: 0);
        if (isWait)
        {
            Interlocked.Increment(ref waitsCreated);
        }

        return tracked;
    }

    /// <summary>
    /// Steps the clock until <paramref name="task"/> (the code under test, on a thread of its own) is done;
    /// false after <paramref name="limit"/> of fake time.
    /// </summary>
    public bool RunUntilDone(Task task, TimeSpan limit)
    {
        Volatile.Write(ref running, task);
        while (!task.IsCompleted)
        {
            if (GetUtcNow() - Start >= limit)
            {
                return false;
            }

            // No wait set up and not done: the code is running, not waiting on the clock (it has just
            // started). Moving the clock now would let it read a time past the one it started at.
            if (Interlocked.Read(ref armed) == 0)
            {
                if (!SpinWait.SpinUntil(() => task.IsCompleted || Interlocked.Read(ref armed) > 0, TimeSpan.FromSeconds(30)))
                {
                    throw new AssertionException("the code neither finished nor waited on the clock within 30 s");
                }

                continue;
            }

            // Every timer this fires holds the step until the code reacted (see AwaitReaction).
            fake.Advance(step);
        }

        return true;
    }

    /// <summary>
    /// In a timer callback, on the thread moving the clock: a fired wait, or a deadline that cancelled
    /// one, has released the code, which now runs until it sets up its next wait or finishes. Until then
    /// the clock stays where it is, and fires no other timer.
    /// </summary>
    private void AwaitReaction(long waitsBefore)
    {
        Task? task = Volatile.Read(ref running);
        if (!SpinWait.SpinUntil(() => task?.IsCompleted == true || Interlocked.Read(ref waitsCreated) != waitsBefore, TimeSpan.FromSeconds(30)))
        {
            throw new AssertionException("the code neither finished nor waited again within 30 s after a timer fired");
        }
    }

    /// <summary>A timer of the fake clock that keeps <see cref="armed"/> right: a wait, armed while it has a due time to fire at.</summary>
    private sealed class ArmedTimer(SteppingClock clock, bool isWait) : ITimer
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
                if (isWait && value != isArmed)
                {
                    isArmed = value;
                    Interlocked.Add(ref clock.armed, value ? 1 : -1);
                }
            }
        }
    }
}
