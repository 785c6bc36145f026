using System.Diagnostics;

namespace FenceZvm.Smapi.Client;

/// <summary>
/// Bounds each phase of one exchange by the timeout. A stream that can time out itself gets, before
/// every blocking call, what is left of the phase as its read and write timeouts: no timer, no thread.
/// Any other stream (IUCV) is bounded by the deadline's timer, which closes it when the phase ends.
/// </summary>
internal sealed class PhaseClock(TimeSpan timeout, CancellationTokenSource deadline)
{
    private long phaseStart = Stopwatch.GetTimestamp();
    private bool timerArmed;

    public ExchangePhase Phase { get; private set; } = ExchangePhase.Connect;

    /// <summary>The timer path, for the asynchronous connect and for streams without timeouts.</summary>
    public void ArmTimer()
    {
        timerArmed = true;
        deadline.CancelAfter(timeout);
    }

    public void Start(ExchangePhase phase, Stream stream)
    {
        Phase = phase;
        phaseStart = Stopwatch.GetTimestamp();
        if (!stream.CanTimeout)
        {
            ArmTimer();
        }
        else if (timerArmed)
        {
            timerArmed = false;
            deadline.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Gives the stream what is left of the phase; throws once nothing is left.</summary>
    public void BoundNextCall(Stream stream)
    {
        if (!stream.CanTimeout)
        {
            return;
        }

        TimeSpan left = timeout - Stopwatch.GetElapsedTime(phaseStart);
        if (left <= TimeSpan.Zero)
        {
            throw new TimeoutException();
        }

        int milliseconds = (int)Math.Ceiling(left.TotalMilliseconds);
        stream.ReadTimeout = milliseconds;
        stream.WriteTimeout = milliseconds;
    }
}
