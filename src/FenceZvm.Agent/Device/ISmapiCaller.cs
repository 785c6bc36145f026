using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Agent.Device;

/// <summary>Sends one SMAPI request and returns the server's answer (one host, or several in order).</summary>
public interface ISmapiCaller
{
    Task<SmapiResponse> CallAsync(SmapiRequest request, CancellationToken cancellationToken);
}
