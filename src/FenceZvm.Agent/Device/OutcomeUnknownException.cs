using FenceZvm.Smapi;

namespace FenceZvm.Agent.Device;

/// <summary>
/// The server acknowledged a request that changes state (it has request id <see cref="RequestId"/>),
/// but its response was lost and Response_Recovery could not return it: the operation may or may
/// not have been carried out. Only a status query can tell; the request must not be sent again blindly.
/// </summary>
public sealed class OutcomeUnknownException(SmapiRequest request, uint requestId, string reason, Exception? inner = null)
    : SmapiException($"{request.Function.Name} {request.Target}: response to request {requestId} lost and not recovered ({reason})", inner)
{
    public uint RequestId { get; } = requestId;
}
