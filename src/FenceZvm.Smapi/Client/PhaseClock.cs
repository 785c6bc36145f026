using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Smapi.Client;

/// <summary>
/// Bounds each phase of one exchange by the timeout: the phase's own <see cref="StreamDeadline"/> gives
/// the stream what is left of it before every blocking call (the response reader's included).
/// </summary>
internal sealed class PhaseClock(TimeSpan timeout) : IReadBound
{
    private readonly StreamDeadline deadline = new(timeout);

    public ExchangePhase Phase { get; private set; } = ExchangePhase.Connect;

    public void Start(ExchangePhase phase)
    {
        Phase = phase;
        deadline.Restart();
    }

    /// <summary>Gives the stream what is left of the phase; throws once nothing is left.</summary>
    public void BoundNextCall(Stream stream) => deadline.BoundNextCall(stream);
}
