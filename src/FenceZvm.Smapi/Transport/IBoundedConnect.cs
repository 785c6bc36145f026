namespace FenceZvm.Smapi.Transport;

/// <summary>
/// A transport that can bound its own connect and hand back a stream that bounds its own reads and
/// writes (<see cref="Stream.CanTimeout"/>), so the client needs no timer and no asynchronous socket
/// machinery: the cheapest start for a one-shot process, above all where every method is JIT-compiled.
/// </summary>
public interface IBoundedConnect
{
    /// <summary>
    /// Connects within <paramref name="bound"/>, blocking, and returns a stream whose calls block with
    /// timeouts (never mixed with asynchronous operations on the same socket). Cancellation closes the
    /// socket, which ends the wait at once; running out of time throws <see cref="TimeoutException"/>.
    /// </summary>
    Stream Connect(TimeSpan bound, CancellationToken cancellationToken);
}
