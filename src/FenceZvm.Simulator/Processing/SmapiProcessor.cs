using System.Globalization;
using FenceZvm.Simulator.Model;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Simulator.Processing;

/// <summary>
/// Authenticates, authorizes and carries out one decoded request against the model.
/// Over TCP the user and password are checked; over IUCV (<c>iucvCaller</c> set) they are ignored
/// and the caller's guest id is the user that must be authorized, except that Check_Authentication
/// still checks the password of any user other than the caller itself.
/// </summary>
public sealed class SmapiProcessor(ZvmSystem system, ITextCodec codec, ResponseStore responses, int functionalLevel = 640, IEnumerable<NameList>? nameLists = null)
{
    // The first extra parameter is parameter 5 (after function name, user, password and target).
    private const int ForceTimeParameter = 5;
    private const int DateFormatParameter = 5;

    private readonly Dictionary<string, NameList> lists = (nameLists ?? []).ToDictionary(l => l.Name, StringComparer.Ordinal);

    public ProcessedResponse Process(DecodedRequest request, string? iucvCaller = null)
    {
        SmapiUser? user = iucvCaller is null ? system.FindUser(request.User.ToUpperInvariant()) : system.FindUser(iucvCaller);
        if (iucvCaller is null && Authenticate(user, request.Password) is { } refused)
        {
            return refused;
        }

        if (iucvCaller is not null && request.Function == CheckAuthentication.Function
            && request.User.Length > 0 && !request.User.Equals(iucvCaller, StringComparison.OrdinalIgnoreCase)
            && Authenticate(system.FindUser(request.User.ToUpperInvariant()), request.Password) is { } otherRefused)
        {
            return otherRefused;
        }

        string target = request.Target?.ToUpperInvariant() ?? string.Empty;
        if (user is null || !user.MayCall(request.Function) || (request.Function.HasTarget && !user.MayTarget(target)))
        {
            return ProcessedResponse.Of(ReturnCodes.NotAuthorized, ReturnCodes.RsNotAuthorizedByServer);
        }

        return Dispatch(request, target);
    }

    // A function registered in SmapiFunctions.All without an arm here would be refused as unknown;
    // EveryFunctionTests sends each registered function and fails on that answer.
    private ProcessedResponse Dispatch(DecodedRequest request, string target) => request.Function switch
    {
        ImageActivate => Operate(target, system.Activate, ImageActivate.Function, Outcome.Ok),
        ImageDeactivate => Deactivate(target, ImageDeactivate.ForceTimeOf(request)),
        ImageRecycle => Operate(target, system.Recycle, ImageRecycle.Function, Outcome.Ok),
        ImageStatusQuery => StatusQuery(target),
        ImageNameQueryDm => ProcessedResponse.Success(ImageNameList.Build(system.DefinedGuests(), codec)),
        CheckAuthentication => ProcessedResponse.Success([]),
        QueryApiFunctionalLevel => ProcessedResponse.Of(ReturnCodes.Ok, functionalLevel),
        ResponseRecovery => Recover(ResponseRecovery.RequestIdOf(request)),
        ImageQueryActivateTime => ActivateTime(target, ImageQueryActivateTime.DateFormatOf(request)),
        _ => ProcessedResponse.Of(ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid),
    };

    private static ProcessedResponse? Authenticate(SmapiUser? user, string password)
    {
        if (user is null || !string.Equals(user.Password, password, StringComparison.Ordinal))
        {
            return ProcessedResponse.Of(ReturnCodes.BadUserOrPassword, ReturnCodes.RsNone);
        }

        return user.PasswordExpired ? ProcessedResponse.Of(ReturnCodes.PasswordExpired, ReturnCodes.RsNone) : null;
    }

    /// <summary>
    /// WITHIN n: the guest is given n seconds to shut down, and a success says so in the reason code
    /// (RC 0 RS n), as the real server does.
    /// </summary>
    private ProcessedResponse Deactivate(string target, string forceTime)
    {
        ForceTime parsed = ForceTime.Immediate;
        if (forceTime.Length > 0 && !ForceTime.TryParse(forceTime, out parsed))
        {
            return ProcessedResponse.Of(ReturnCodes.Syntax, ReturnCodes.SyntaxReason(ForceTimeParameter, ReturnCodes.SyntaxUnrecognized));
        }

        TimeSpan? within = parsed.WithinSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return Operate(target, image => system.Deactivate(image, within), ImageDeactivate.Function, new Outcome(ReturnCodes.Ok, parsed.WithinSeconds ?? ReturnCodes.RsNone));
    }

    /// <summary>One image, or each member of a name list; a target longer than an image name must be a list.</summary>
    private ProcessedResponse Operate(string target, Func<string, Outcome> operation, ImageOperation function, Outcome success)
    {
        if (lists.TryGetValue(target, out NameList? list))
        {
            (string Image, Outcome Outcome)[] results = [.. list.Members.Select(image => (image, operation(image)))];
            return Output(results, results.All(r => r.Outcome.Succeeded) ? success : new Outcome(ReturnCodes.ImageOperation, function.SomeFailedReason));
        }

        if (target.Length > SmapiLimits.GuestName)
        {
            return ProcessedResponse.Of(ReturnCodes.ImageOperation, ReturnCodes.RsListNotFound);
        }

        Outcome outcome = operation(target);
        return Output([(target, outcome)], outcome.Succeeded ? success : outcome);
    }

    /// <summary>
    /// For one image the return code is the image's own; for a name list it is 0 when every member
    /// succeeded and 200 with the list's reason code when any failed. Each failure is in the failing array.
    /// </summary>
    private ProcessedResponse Output((string Image, Outcome Outcome)[] results, Outcome overall)
    {
        FailingImage[] failing = [.. results.Where(r => !r.Outcome.Succeeded).Select(r => new FailingImage(r.Image, r.Outcome.ReturnCode, r.Outcome.ReasonCode))];
        return new ProcessedResponse(overall.ReturnCode, overall.ReasonCode, ImageOperationResult.Build(results.Length - failing.Length, failing, codec));
    }

    private ProcessedResponse StatusQuery(string target)
    {
        if (target == ImageStatusQuery.AllActive)
        {
            return ProcessedResponse.Success(ImageNameList.Build(system.ActiveGuests(), codec));
        }

        return system.QueryStatus(target) is { Active: true }
            ? ProcessedResponse.Success(ImageNameList.Build([target], codec))
            : ProcessedResponse.Of(ReturnCodes.Ok, ReturnCodes.RsNotActive);
    }

    private ProcessedResponse Recover(uint requestId) =>
        responses.TryGet(requestId, out byte[] body)
            ? ProcessedResponse.Success(body)
            : ProcessedResponse.Of(ResponseRecovery.NoDataReturnCode, ResponseRecovery.NoDataReasonCode);

    private ProcessedResponse ActivateTime(string target, byte dateFormat)
    {
        if (ImageQueryActivateTime.DatePattern(dateFormat) is not { } pattern)
        {
            return ProcessedResponse.Of(ReturnCodes.Syntax, ReturnCodes.SyntaxReason(DateFormatParameter, ReturnCodes.SyntaxUnrecognized));
        }

        GuestSnapshot? guest = system.Find(target);
        if (guest is null)
        {
            return ProcessedResponse.Of(ReturnCodes.ImageOperation, ReturnCodes.RsNotFound);
        }

        if (!guest.Active || guest.LogonTime is not { } logon)
        {
            return ProcessedResponse.Of(ReturnCodes.ImageOperation, ReturnCodes.RsNotActive);
        }

        var time = new ActivationTime(target, logon.ToString(pattern, CultureInfo.InvariantCulture), logon.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        return ProcessedResponse.Success(time.Build(codec));
    }
}
