namespace FenceZvm.Smapi.Protocol;

/// <summary>A request the server rejects; carries the return and reason code it answers with.</summary>
public sealed class SmapiRequestDecodeException(int returnCode, int reasonCode, string message) : SmapiException(message)
{
    public int ReturnCode { get; } = returnCode;

    public int ReasonCode { get; } = reasonCode;
}
