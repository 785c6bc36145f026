using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Trace;

namespace FenceZvm.Smapi.Client;

public sealed record SmapiClientOptions
{
    public ITextCodec Codec { get; init; } = TextCodecs.Ascii;

    /// <summary>
    /// Bounds each phase of an exchange separately: connect, send, the request id, and the output.
    /// Must be positive and finite: nothing in this client waits forever.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxOutputLength { get; init; } = ResponseLimits.DefaultMaxOutputLength;

    public IFrameTraceSink? Trace { get; init; }
}
