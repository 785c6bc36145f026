namespace FenceZvm.Smapi.Transport;

/// <summary>
/// Opens one connection to a SMAPI server; the client sends one request over it and closes it. Every
/// transport connects the same way: blocking, bounded, and handing back a stream that bounds its own
/// reads and writes, so the client needs no timer and no asynchronous machinery (the cheapest start for
/// a one-shot process, above all where every method is JIT-compiled).
/// </summary>
public interface ISmapiTransport
{
    /// <summary>Where this transport connects, for messages ("127.0.0.1:44444", "IUCV VSMREQIU").</summary>
    string Endpoint { get; }

    /// <summary>
    /// Connects within <paramref name="bound"/>, blocking, and returns a stream whose calls honour
    /// <see cref="Stream.ReadTimeout"/> and <see cref="Stream.WriteTimeout"/> (a call that runs out of
    /// time throws <see cref="TimeoutException"/> or a socket error TimedOut). Cancellation ends the
    /// wait at once; running out of time throws <see cref="TimeoutException"/>; other failures are
    /// <see cref="SmapiTransportException"/>.
    /// </summary>
    Stream Connect(TimeSpan bound, CancellationToken cancellationToken);
}
