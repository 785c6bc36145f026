using FenceZvm.Agent.Timing;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Device;

/// <summary>
/// Requests to one SMAPI server. When the server acknowledged a state-changing request (response 1)
/// but response 2 was lost, asks the same server for it with Response_Recovery on a new connection,
/// instead of sending the request again; if that gives nothing, the outcome is unknown. A server at
/// its connection limit (IUCV EAGAIN: nothing was sent) is asked again with growing pauses for up to
/// <paramref name="busyBudget"/>, IBM's client does the same for up to about a minute.
/// </summary>
public sealed class HostCaller(SmapiClient client, ILogger logger, TimeSpan busyBudget = default, RecoveryPolicy? recovery = null) : ISmapiCaller
{
    private static readonly TimeSpan FirstBusyPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestBusyPause = TimeSpan.FromSeconds(4);

    public string Endpoint => client.Transport.Endpoint;

    public SmapiResponse Call(SmapiRequest request, CancellationToken cancellationToken)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        TimeSpan pause = FirstBusyPause;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return Send(request, cancellationToken);
            }
            catch (SmapiTransportException e) when (e.Failure == TransportFailure.Busy)
            {
                TimeSpan waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (waited + pause > busyBudget)
                {
                    string seconds = waited.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
                    throw new SmapiTransportException(TransportFailure.Busy, $"{e.Message}; gave up after {attempt} attempt(s) in {seconds} s", inner: e);
                }

                logger.LogDebug("{Reason}; trying again in {Pause} ms", e.Message, (int)pause.TotalMilliseconds);
                Pause.For(pause, cancellationToken);
                pause = pause * 2 < LongestBusyPause ? pause * 2 : LongestBusyPause;
            }
        }
    }

    private SmapiResponse Send(SmapiRequest request, CancellationToken cancellationToken)
    {
        logger.LogDebug("Sending {Request} to {Endpoint}", request, Endpoint);
        try
        {
            SmapiResponse response = client.Call(request, cancellationToken);
            logger.LogDebug("{Result}", response.Describe(request.Function));
            return response;
        }
        catch (SmapiTransportException e) when (e.RequestId is { } requestId && request.Function.ChangesState)
        {
            logger.LogWarning($"{{Reason}}; asking {{Endpoint}} for the response with {ResponseRecovery.WireName}", e.Message, Endpoint);
            return Recover(request, requestId, cancellationToken);
        }
    }

    /// <summary>
    /// The server may still be working on the request, or be briefly unreachable: each attempt comes
    /// after a short pause, and a few are made while they fit in one exchange timeout. Only "no data"
    /// (RC 4) and transport failures are tried again; any other answer is final.
    /// </summary>
    private SmapiResponse Recover(SmapiRequest request, uint requestId, CancellationToken cancellationToken)
    {
        // The policy is looked up here, not at construction: a run that recovers nothing (the usual
        // one) does not JIT-compile it on s390x.
        RecoveryPolicy policy = recovery ?? RecoveryPolicy.Default;
        SmapiRequest ask = ResponseRecovery.Function.Request(request.Credentials, request.Target ?? request.User, requestId);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            Pause.For(policy.Pause, cancellationToken);
            bool last = attempt >= policy.Attempts || System.Diagnostics.Stopwatch.GetElapsedTime(started) + policy.Pause >= client.Options.Timeout;
            try
            {
                SmapiResponse answer = client.Call(ask, cancellationToken);
                if (ResponseRecovery.Parse(answer, requestId) is { } original)
                {
                    logger.LogInformation("Recovered the response to request {RequestId}: {Result}", requestId, original.Describe(request.Function));
                    return original;
                }

                string result = answer.Describe(ResponseRecovery.Function);
                if (last || answer.ReturnCode != ResponseRecovery.NoDataReturnCode)
                {
                    throw new OutcomeUnknownException(request, requestId, result);
                }

                logger.LogDebug($"Attempt {{Attempt}} of {ResponseRecovery.WireName}: {{Result}}", attempt, result);
            }
            catch (SmapiException e) when (e is not OutcomeUnknownException)
            {
                if (last || e is not SmapiTransportException)
                {
                    throw new OutcomeUnknownException(request, requestId, e.Message, e);
                }

                logger.LogDebug($"Attempt {{Attempt}} of {ResponseRecovery.WireName}: {{Reason}}", attempt, e.Message);
            }
        }
    }
}
