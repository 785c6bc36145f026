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
    private const int ForceTimeParameter = 5;
    private const int DateFormatParameter = 5;
    private const int SyntaxUnrecognized = 19;
    private const int RsSomeNotActivated = 28;
    private const int RsSomeNotDeactivated = 32;
    private const int RsSomeNotRecycled = 36;
    private const int RsListNotFound = 24;

    private readonly Dictionary<string, NameList> lists = (nameLists ?? []).ToDictionary(l => l.Name, StringComparer.Ordinal);

    public ZvmSystem System => system;

    public ProcessedResponse Process(DecodedRequest request, string? iucvCaller = null)
    {
        SmapiUser? user = iucvCaller is null ? system.FindUser(request.User.ToUpperInvariant()) : system.FindUser(iucvCaller);
        if (iucvCaller is null && Authenticate(user, request.Password) is { } refused)
        {
            return refused;
        }

        if (iucvCaller is not null && request.Function == SmapiFunction.CheckAuthentication
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

        return request.Function.Name switch
        {
            "Image_Activate" => Operate(target, system.Activate, RsSomeNotActivated, Outcome.Ok),
            "Image_Deactivate" => Deactivate(target, request.Parameters[0].Text ?? string.Empty),
            "Image_Recycle" => Operate(target, system.Recycle, RsSomeNotRecycled, Outcome.Ok),
            "Image_Status_Query" => StatusQuery(target),
            "Image_Name_Query_DM" => new ProcessedResponse(0, 0, ImageNameList.Build(system.DefinedGuests(), codec)),
            "Check_Authentication" => ProcessedResponse.Of(0, 0),
            "Query_API_Functional_Level" => ProcessedResponse.Of(0, functionalLevel),
            "Response_Recovery" => Recover(unchecked((uint)request.Parameters[0].Number)),
            "Image_Query_Activate_Time" => ActivateTime(target, (byte)request.Parameters[0].Number),
            _ => ProcessedResponse.Of(ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid),
        };
    }

    private static ProcessedResponse? Authenticate(SmapiUser? user, string password)
    {
        if (user is null || !string.Equals(user.Password, password, StringComparison.Ordinal))
        {
            return ProcessedResponse.Of(ReturnCodes.BadUserOrPassword, 0);
        }

        return user.PasswordExpired ? ProcessedResponse.Of(ReturnCodes.PasswordExpired, 0) : null;
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
            return ProcessedResponse.Of(ReturnCodes.Syntax, (ForceTimeParameter * 100) + SyntaxUnrecognized);
        }

        TimeSpan? within = parsed.WithinSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return Operate(target, image => system.Deactivate(image, within), RsSomeNotDeactivated, new Outcome(0, parsed.WithinSeconds ?? 0));
    }

    /// <summary>One image, or each member of a name list; a target longer than an image name must be a list.</summary>
    private ProcessedResponse Operate(string target, Func<string, Outcome> operation, int listReason, Outcome success)
    {
        if (lists.TryGetValue(target, out NameList? list))
        {
            return ImageOperationOutput.BuildList([.. list.Members.Select(image => (image, operation(image)))], listReason, success, codec);
        }

        if (target.Length > SmapiRequest.MaxImageNameLength)
        {
            return ProcessedResponse.Of(ReturnCodes.ImageOperation, RsListNotFound);
        }

        Outcome outcome = operation(target);
        return ImageOperationOutput.Build(target, outcome.Succeeded ? success : outcome, codec);
    }

    private ProcessedResponse StatusQuery(string target)
    {
        if (target == "*")
        {
            return new ProcessedResponse(0, 0, ImageNameList.Build(system.ActiveGuests(), codec));
        }

        return system.QueryStatus(target) is { Active: true }
            ? new ProcessedResponse(0, 0, ImageNameList.Build([target], codec))
            : ProcessedResponse.Of(0, ReturnCodes.RsNotActive);
    }

    private ProcessedResponse Recover(uint requestId) =>
        responses.TryGet(requestId, out byte[] body)
            ? new ProcessedResponse(0, 0, body)
            : ProcessedResponse.Of(4, 4);

    private ProcessedResponse ActivateTime(string target, byte dateFormat)
    {
        string? pattern = dateFormat switch
        {
            1 => "MM/dd/yy",
            2 => "MM/dd/yyyy",
            3 => "yy-MM-dd",
            4 => "yyyy-MM-dd",
            5 => "dd/MM/yy",
            6 => "dd/MM/yyyy",
            _ => null,
        };
        if (pattern is null)
        {
            return ProcessedResponse.Of(ReturnCodes.Syntax, (DateFormatParameter * 100) + SyntaxUnrecognized);
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

        byte[] output = new OutputWriter(codec)
            .String(target)
            .String(logon.ToString(pattern, CultureInfo.InvariantCulture))
            .String(logon.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            .ToArray();
        return new ProcessedResponse(0, 0, output);
    }
}
