using FenceZvm.Smapi;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Smapi;

/// <summary>
/// Requests to one SMAPI server. When the server acknowledged a state-changing request (response 1)
/// but response 2 was lost, asks the same server for it with Response_Recovery on a new connection,
/// instead of sending the request again; if that gives nothing, the outcome is unknown.
/// </summary>
public sealed class HostCaller(SmapiClient client, ILogger logger) : ISmapiCaller
{
    public string Endpoint => client.Transport.Endpoint;

    public async Task<SmapiResponse> CallAsync(SmapiRequest request, CancellationToken cancellationToken)
    {
        logger.LogDebug("Sending {Request} to {Endpoint}", request, Endpoint);
        try
        {
            SmapiResponse response = await client.CallAsync(request, cancellationToken).ConfigureAwait(false);
            logger.LogDebug("{Result}", response.Describe(request.Function));
            return response;
        }
        catch (SmapiTransportException e) when (e.RequestId is { } requestId && ChangesState(request.Function))
        {
            logger.LogWarning("{Reason}; asking {Endpoint} for the response with Response_Recovery", e.Message, Endpoint);
            return await RecoverAsync(request, requestId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SmapiResponse> RecoverAsync(SmapiRequest request, uint requestId, CancellationToken cancellationToken)
    {
        try
        {
            SmapiRequest recovery = SmapiRequests.ResponseRecovery(request.Credentials, request.Target ?? request.User, requestId);
            SmapiResponse answer = await client.CallAsync(recovery, cancellationToken).ConfigureAwait(false);
            if (RecoveredResponse.Parse(answer, requestId) is { } original)
            {
                logger.LogInformation("Recovered the response to request {RequestId}: {Result}", requestId, original.Describe(request.Function));
                return original;
            }

            throw new OutcomeUnknownException(request, requestId, answer.Describe(SmapiFunction.ResponseRecovery));
        }
        catch (SmapiException e) when (e is not OutcomeUnknownException)
        {
            throw new OutcomeUnknownException(request, requestId, e.Message, e);
        }
    }

    /// <summary>Requests that must never be sent twice blindly; queries can simply be asked again.</summary>
    private static bool ChangesState(SmapiFunction function) =>
        function == SmapiFunction.ImageDeactivate || function == SmapiFunction.ImageActivate || function == SmapiFunction.ImageRecycle;
}
