using FenceZvm.Smapi;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Smapi;

/// <summary>
/// Several SMAPI servers (the members of an SSI cluster), tried in the order given for every request,
/// as the installation guide's fence devices are: the next one is asked only when a server cannot be
/// reached (nothing was acknowledged) or answers RC 900 (server error). Any other answer, such as
/// "not authorized" or "image not found", is final.
/// </summary>
public sealed class FailoverCaller(IReadOnlyList<HostCaller> hosts, ILogger logger) : ISmapiCaller
{
    public async Task<SmapiResponse> CallAsync(SmapiRequest request, CancellationToken cancellationToken)
    {
        for (int i = 0; i < hosts.Count; i++)
        {
            HostCaller host = hosts[i];
            bool last = i == hosts.Count - 1;
            try
            {
                SmapiResponse response = await host.CallAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.ReturnCode == ReturnCodes.ServerError && !last)
                {
                    logger.LogWarning("{Endpoint} answered {Result}; trying the next SMAPI host", host.Endpoint, response.Describe(request.Function));
                    continue;
                }

                logger.LogInformation("{Request} answered by {Endpoint}", request, host.Endpoint);
                return response;
            }
            catch (SmapiTransportException e) when (e.RequestId is null && !cancellationToken.IsCancellationRequested)
            {
                if (last)
                {
                    throw;
                }

                logger.LogWarning("{Reason}; trying the next SMAPI host", e.Message);
            }
        }

        throw new InvalidOperationException("no SMAPI host to ask");
    }
}
