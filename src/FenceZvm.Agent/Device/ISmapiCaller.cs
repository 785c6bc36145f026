namespace FenceZvm.Agent.Device;

/// <summary>
/// Sends one SMAPI request and returns the server's answer (one host, or several in order). The call
/// holds its thread until it is answered: callers that want several requests at once give each a thread.
/// </summary>
public interface ISmapiCaller
{
    SmapiResponse Call(SmapiRequest request, CancellationToken cancellationToken);
}
