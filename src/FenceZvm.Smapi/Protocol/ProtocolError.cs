namespace FenceZvm.Smapi.Protocol;

/// <summary>The distinct ways a server's response can violate the framing.</summary>
public enum ProtocolError
{
    OutputLengthTooSmall,
    OutputLengthTooLarge,
    RequestIdMismatch,
    ShortRead,
    MalformedOutput,
}
