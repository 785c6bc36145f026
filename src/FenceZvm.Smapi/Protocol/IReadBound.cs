namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Told of each blocking read of <see cref="ResponseReader"/> before it is made, so that the caller can
/// bound it (the client gives the stream what is left of the phase's time). An interface rather than a
/// delegate: the client's clock implements it, so nothing is allocated per call and no delegate is built.
/// </summary>
public interface IReadBound
{
    /// <summary>Called just before <paramref name="stream"/> is read; may throw to end the read there.</summary>
    void BoundNextCall(Stream stream);
}
