namespace FenceZvm.Smapi.Transport;

/// <summary>
/// A connection-level failure. <see cref="RequestId"/> is set when the server had acknowledged the
/// request (response 1) before response 2 was lost: the request may have been carried out.
/// </summary>
public sealed class SmapiTransportException(TransportFailure failure, string message, uint? requestId = null, Exception? inner = null)
    : SmapiException(message, inner)
{
    public TransportFailure Failure { get; } = failure;

    public uint? RequestId { get; } = requestId;

    public bool ResponseLost => RequestId is not null;
}
