using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Activate: logs an image on (or each member of a name list). 200/8 means it is already
/// active, 200/16 that it is still being deactivated.
/// </summary>
public sealed class ImageActivate : SmapiFunction
{
    public static readonly ImageActivate Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Activate";

    /// <summary>RC 200 with this reason: some members of the name list were not activated.</summary>
    public const int RsSomeNotActivated = 28;

    private ImageActivate()
        : base(SmapiFunctionId.ImageActivate, WireName, hasTarget: true, maxTargetLength: SmapiRequest.MaxNameListLength, changesState: true)
    {
    }

    public static SmapiRequest Request(SmapiCredentials credentials, string target) =>
        Function.NewRequest(credentials, target);

    public static ImageOperationResult Parse(SmapiResponse response, ITextCodec codec) =>
        ImageOperationResult.Parse(Function, response, codec);
}
