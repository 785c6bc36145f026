using FenceZvm.Agent.Power;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Device;

/// <summary>
/// Fence semantics over SMAPI. Success is judged on the return code (spec decision 3):
/// Image_Deactivate RC 0 with any RS and 200/16 (being deactivated) mean "going off", 200/12 "defined
/// and not active"; Image_Activate 200/8 means already on and 200/16 "ask again later"; 200/4 from
/// any of them means the system defines no such image (Image_Status_Query cannot tell: it answers
/// 0/12 for both). A server error (RC 900) that does not say the request was rejected unread leaves
/// the outcome open: the action flow verifies it by status. Anything else fails with the decoded RC/RS.
/// </summary>
public sealed class SmapiPowerDevice(ISmapiCaller caller, SmapiCredentials credentials, ITextCodec codec, SmapiPowerDeviceOptions options, ILogger logger) : IPowerDevice
{
    public PowerState GetStatus(GuestName plug, CancellationToken cancellationToken)
    {
        SmapiResponse r = Call(ImageStatusQuery.Function.Request(credentials, plug), FenceFailure.Status, cancellationToken);
        return (r.ReturnCode, r.ReasonCode) switch
        {
            (ReturnCodes.Ok, ReturnCodes.RsNone) => PowerState.On,
            (ReturnCodes.Ok, ReturnCodes.RsNotActive) => PowerState.Off,
            _ => throw Failure(FenceFailure.Status, ImageStatusQuery.Function, r),
        };
    }

    public PowerRequestResult PowerOff(GuestName plug, CancellationToken cancellationToken) =>
        Request(ImageDeactivate.Function.Request(credentials, plug, options.ForceTime), "OFF", cancellationToken, (rc, rs) => (rc, rs) switch
        {
            (ReturnCodes.ImageOperation, ReturnCodes.RsNotActive) => PowerRequestResult.NotActive,
            (ReturnCodes.ImageOperation, ReturnCodes.RsBeingDeactivated) => PowerRequestResult.Accepted,
            _ => null,
        });

    public PowerRequestResult PowerOn(GuestName plug, CancellationToken cancellationToken) =>
        Request(ImageActivate.Function.Request(credentials, plug), "ON", cancellationToken, (rc, rs) => (rc, rs) switch
        {
            (ReturnCodes.ImageOperation, ReturnCodes.RsAlreadyActive) => PowerRequestResult.Accepted,
            (ReturnCodes.ImageOperation, ReturnCodes.RsBeingDeactivated) => PowerRequestResult.Busy,
            _ => null,
        });

    public PowerRequestResult Recycle(GuestName plug, CancellationToken cancellationToken) =>
        Request(ImageRecycle.Function.Request(credentials, plug), "cycle", cancellationToken, (rc, rs) => (rc, rs) switch
        {
            (ReturnCodes.ImageOperation, ReturnCodes.RsNotActive) => PowerRequestResult.NotActive,
            (ReturnCodes.ImageOperation, ReturnCodes.RsBeingDeactivated) => PowerRequestResult.Busy,
            _ => null,
        });

    public string? GetLogonTime(GuestName plug, CancellationToken cancellationToken)
    {
        try
        {
            SmapiResponse r = caller.Call(ImageQueryActivateTime.Function.Request(credentials, plug), cancellationToken);
            if (r.Succeeded)
            {
                ActivationTime time = ActivationTime.Parse(r, codec);
                return $"{time.Date} {time.Time}";
            }

            logger.LogDebug("No logon time for {Plug}: {Result}", plug, r.Describe(ImageQueryActivateTime.Function));
        }
        catch (SmapiException e)
        {
            logger.LogDebug("No logon time for {Plug}: {Reason}", plug, e.Message);
        }

        return null;
    }

    public IReadOnlyList<ImageEntry> List(CancellationToken cancellationToken)
    {
        SmapiResponse active = Call(ImageStatusQuery.Function.Request(credentials, ImageStatusQuery.AllActive), FenceFailure.LoginDenied, cancellationToken);
        RequireSuccess(active, ImageStatusQuery.Function);
        SmapiResponse defined = Call(ImageNameQueryDm.Function.Request(credentials, options.NameQueryTarget), FenceFailure.LoginDenied, cancellationToken);
        RequireSuccess(defined, ImageNameQueryDm.Function);

        var activeNames = new HashSet<string>(Parse(ImageStatusQuery.Function, active), StringComparer.Ordinal);
        return Parse(ImageNameQueryDm.Function, defined)
            .Select(name => new ImageEntry(name, activeNames.Contains(name) ? PowerState.On : PowerState.Off))
            .ToList();
    }

    public IReadOnlyCollection<string> DefinedNames(CancellationToken cancellationToken)
    {
        SmapiResponse defined = Call(ImageNameQueryDm.Function.Request(credentials, options.NameQueryTarget), FenceFailure.Status, cancellationToken);
        if (!defined.Succeeded)
        {
            throw Failure(FenceFailure.Status, ImageNameQueryDm.Function, defined);
        }

        return Parse(ImageNameQueryDm.Function, defined).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public void Monitor(CancellationToken cancellationToken)
    {
        SmapiRequest request = options.MonitorWithFunctionalLevel
            ? QueryApiFunctionalLevel.Function.Request(credentials, options.NameQueryTarget)
            : CheckAuthentication.Function.Request(credentials);
        SmapiResponse r = Call(request, FenceFailure.LoginDenied, cancellationToken);
        RequireSuccess(r, request.Function);
    }

    private IReadOnlyList<string> Parse(SmapiFunction function, SmapiResponse response)
    {
        try
        {
            return ImageNameList.Parse(function, response, codec);
        }
        catch (SmapiException e)
        {
            throw new FenceFailure(FenceFailure.LoginDenied, e.Message, e);
        }
    }

    private static void RequireSuccess(SmapiResponse response, SmapiFunction function)
    {
        if (!response.Succeeded)
        {
            throw Failure(FenceFailure.LoginDenied, function, response);
        }
    }

    private static FenceFailure Refusal(string upstreamMessage, SmapiFunction function, SmapiResponse response) =>
        new(upstreamMessage, response.Describe(function)) { IsRefusal = true };

    private static FenceFailure Failure(string upstreamMessage, SmapiFunction function, SmapiResponse response)
    {
        // Credentials and authorization failures are reported as upstream's login failure, whatever the action.
        string message = response.ReturnCode is ReturnCodes.BadUserOrPassword or ReturnCodes.PasswordExpired
            ? FenceFailure.LoginDenied
            : upstreamMessage;
        return new FenceFailure(message, response.Describe(function));
    }

    /// <summary>
    /// A state-changing request: RC 0 (any RS) is accepted, <paramref name="classify"/> names the other
    /// acceptable answers, anything else is a refusal. A lost, unrecovered response is accepted too:
    /// the action flow verifies by status instead of sending the request again.
    /// </summary>
    private PowerRequestResult Request(SmapiRequest request, string action, CancellationToken cancellationToken, Func<int, int, PowerRequestResult?> classify)
    {
        string refused = FenceFailure.Refused(action, request.Target!);
        SmapiResponse response;
        try
        {
            response = Call(request, refused, cancellationToken);
        }
        catch (OutcomeUnknownException unknown)
        {
            logger.LogWarning("{Reason}; verifying by status instead of sending it again", unknown.Message);
            return PowerRequestResult.Accepted;
        }

        if (response.Succeeded)
        {
            return PowerRequestResult.Accepted;
        }

        if (IsNotDefined(response))
        {
            return PowerRequestResult.NotDefined;
        }

        if (LeavesOutcomeOpen(response))
        {
            logger.LogWarning("{Target}: {Result}; the request may or may not have been carried out, verifying by status", request.Target, response.Describe(request.Function));
            return PowerRequestResult.Unconfirmed;
        }

        return classify(response.ReturnCode, response.ReasonCode) ?? throw Refusal(refused, request.Function, response);
    }

    private static bool IsNotDefined(SmapiResponse response) =>
        response.ReturnCode == ReturnCodes.ImageOperation && response.ReasonCode == ReturnCodes.RsNotFound;

    /// <summary>
    /// RC 900 is the socket server's own failure; only an unknown function or a bad length says the
    /// request was rejected before anything ran (those stay final: asking again cannot help).
    /// </summary>
    private static bool LeavesOutcomeOpen(SmapiResponse response) =>
        response.ReturnCode == ReturnCodes.ServerError
        && response.ReasonCode is not (ReturnCodes.RsFunctionNotValid or ReturnCodes.RsLengthMismatch or ReturnCodes.RsLengthNotValid);

    private SmapiResponse Call(SmapiRequest request, string upstreamMessage, CancellationToken cancellationToken)
    {
        try
        {
            return caller.Call(request, cancellationToken);
        }
        catch (SmapiTransportException e) when (e.Failure is TransportFailure.ConnectFailed or TransportFailure.Busy)
        {
            throw new FenceFailure(FenceFailure.LoginDenied, e.Message, e);
        }
        catch (SmapiTransportException e) when (e.Failure == TransportFailure.Timeout)
        {
            throw new FenceFailure(FenceFailure.TimedOut, e.Message, e);
        }
        catch (SmapiTransportException e)
        {
            throw new FenceFailure(FenceFailure.ConnectionLost, e.Message, e);
        }
        catch (SmapiException e) when (e is not OutcomeUnknownException)
        {
            throw new FenceFailure(upstreamMessage, e.Message, e);
        }
    }
}
