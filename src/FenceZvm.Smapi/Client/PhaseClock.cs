using System.Diagnostics;

namespace FenceZvm.Smapi.Client;

/// <summary>
/// Bounds each phase of one exchange by the timeout: before every blocking call the stream gets what is
/// left of the phase as its read and write timeouts (every transport's stream honours them). No timer,
/// no thread.
/// </summary>
internal sealed class PhaseClock(TimeSpan timeout)
{
    private long phaseStart = Stopwatch.GetTimestamp();

    public ExchangePhase Phase { get; private set; } = ExchangePhase.Connect;

    public void Start(ExchangePhase phase)
    {
        Phase = phase;
        phaseStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Gives the stream what is left of the phase; throws once nothing is left.</summary>
    public void BoundNextCall(Stream stream)
    {
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
