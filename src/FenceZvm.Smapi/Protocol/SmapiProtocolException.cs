namespace FenceZvm.Smapi.Protocol;

/// <summary>The server's bytes do not follow the SMAPI framing.</summary>
public sealed class SmapiProtocolException(ProtocolError error, string message) : SmapiException(message)
{
    public ProtocolError Error { get; } = error;
}
