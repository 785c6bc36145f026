using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Protocol;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Smapi;

/// <summary>Every request to one SMAPI server.</summary>
public sealed class SingleHostCaller(SmapiClient client, ILogger logger) : ISmapiCaller
{
    public async Task<SmapiResponse> CallAsync(SmapiRequest request, CancellationToken cancellationToken)
    {
        logger.LogDebug("Sending {Request} to {Endpoint}", request, client.Transport.Endpoint);
        SmapiResponse response = await client.CallAsync(request, cancellationToken).ConfigureAwait(false);
        logger.LogDebug("{Result}", response.Describe(request.Function));
        return response;
    }
}
