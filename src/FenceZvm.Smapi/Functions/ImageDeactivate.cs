using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Deactivate: logs an image off (or each member of a name list), its one extra parameter the
/// force time. Success with a non-zero reason code gives the seconds the guest was allowed (WITHIN n);
/// 200/12 means it was not active, 200/16 that it is already being deactivated.
/// </summary>
public sealed class ImageDeactivate : SmapiFunction
{
    public static readonly ImageDeactivate Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Deactivate";

    /// <summary>RC 200 with this reason: some members of the name list were not deactivated.</summary>
    public const int RsSomeNotDeactivated = 32;

    private ImageDeactivate()
        : base(SmapiFunctionId.ImageDeactivate, WireName, hasTarget: true, maxTargetLength: SmapiRequest.MaxNameListLength, changesState: true, ParameterKind.Text)
    {
    }

    public static SmapiRequest Request(SmapiCredentials credentials, string target, ForceTime forceTime) =>
        Function.NewRequest(credentials, target, RequestParameter.OfText(forceTime.Text ?? ForceTime.Immediate.Text));

    public static ImageOperationResult Parse(SmapiResponse response, ITextCodec codec) =>
        ImageOperationResult.Parse(Function, response, codec);

    /// <summary>The force time text of a decoded request (empty means the server's default, IMMED).</summary>
    public static string ForceTimeOf(DecodedRequest request) => request.Parameters[0].Text ?? string.Empty;

    public override string? Meaning(int returnCode, int reasonCode) =>
        returnCode == ReturnCodes.Ok && reasonCode != ReturnCodes.RsNone
            ? $"request successful; deactivated within {reasonCode} seconds"
            : null;
}
