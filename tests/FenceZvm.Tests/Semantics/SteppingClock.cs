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
        Interlocked.Increment(ref created);
        return fake.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref fired);
                callback(s);
            },
            state,
            dueTime,
            period);
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
}
