namespace FenceZvm.Agent.Timing;

/// <summary>
/// A pause that holds the calling thread, as everything from the action flow down to the SMAPI
/// exchange does (a blocking exchange is the cheapest to start). A cancellation ends it at once.
/// </summary>
internal static class Pause
{
    // ManualResetEventSlim's timed wait takes at most int.MaxValue ms; the delay option allows more.
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Waits on the system clock.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before or during the pause.</exception>
    public static void For(TimeSpan duration, CancellationToken cancellationToken) =>
        For(duration, TimeProvider.System, cancellationToken);

    /// <summary>Waits on <paramref name="time"/>'s timers (the system's, or a test's fake clock).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before or during the pause.</exception>
    public static void For(TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        using var woken = new ManualResetEventSlim();
        if (time == TimeProvider.System)
        {
            // The event's own timed wait: no timer, so no timer thread is started for it.
            for (TimeSpan left = duration; left > TimeSpan.Zero; left -= LongestWait)
            {
                woken.Wait(left < LongestWait ? left : LongestWait, cancellationToken);
            }

            return;
        }

        using ITimer timer = time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), woken, duration, Timeout.InfiniteTimeSpan);
        woken.Wait(cancellationToken);
    }
}
