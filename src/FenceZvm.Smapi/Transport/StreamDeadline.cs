using System.Diagnostics;

namespace FenceZvm.Smapi.Transport;

/// <summary>
/// A bound on a run of blocking stream calls: before each, the stream gets what is left as its read and
/// write timeouts (every transport's stream honours them), so the run as a whole ends within the bound,
/// however the peer spreads its bytes. No timer, no thread.
/// </summary>
internal sealed class StreamDeadline(TimeSpan bound)
{
    private long started = Stopwatch.GetTimestamp();

    /// <summary>The whole bound again, from now.</summary>
    public void Restart() => started = Stopwatch.GetTimestamp();

    /// <summary>Gives the stream what is left of the bound; throws once nothing is left.</summary>
    public void BoundNextCall(Stream stream)
    {
        TimeSpan left = bound - Stopwatch.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
        {
            throw new TimeoutException();
        }

        int milliseconds = (int)Math.Ceiling(left.TotalMilliseconds);
        stream.ReadTimeout = milliseconds;
        stream.WriteTimeout = milliseconds;
    }
}
