using FenceZvm.Smapi;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Device;

/// <summary>
/// Several SMAPI servers (the members of an SSI cluster), tried in the order given, as the installation
/// guide's fence devices are: the next one is asked only when a server cannot be reached (nothing was
/// acknowledged) or answers RC 900 (server error). Any other answer, such as "not authorized" or "image
/// not found", is final. Each request starts from the server that answered the one before: a member that
/// is down costs the run one failed connect, not one at every status poll (a whole shell_timeout each
/// where it never answers the connect).
/// </summary>
public sealed class FailoverCaller(IReadOnlyList<HostCaller> hosts, ILogger logger) : ISmapiCaller
{
    // The plugs' requests run concurrently: read and written whole, and any of their answers will do.
    private int answering;

    public SmapiResponse Call(SmapiRequest request, CancellationToken cancellationToken)
    {
        int first = Volatile.Read(ref answering);
        for (int tried = 0; tried < hosts.Count; tried++)
        {
            int index = (first + tried) % hosts.Count;
            HostCaller host = hosts[index];
            bool last = tried == hosts.Count - 1;
            try
            {
                SmapiResponse response = host.Call(request, cancellationToken);
                if (response.ReturnCode == ReturnCodes.ServerError && !last)
                {
                    logger.LogWarning("{Endpoint} answered {Result}; trying the next SMAPI host", host.Endpoint, response.Describe(request.Function));
                    continue;
                }

                Volatile.Write(ref answering, index);
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
