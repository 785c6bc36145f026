using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Recycle: logs an active image off and on again in one request (or each member of a name
/// list). 200/12 means it was not active.
/// </summary>
public sealed class ImageRecycle : SmapiFunction
{
    public static readonly ImageRecycle Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Recycle";

    /// <summary>RC 200 with this reason: some members of the name list were not recycled.</summary>
    public const int RsSomeNotRecycled = 36;

    private ImageRecycle()
        : base(SmapiFunctionId.ImageRecycle, WireName, hasTarget: true, maxTargetLength: SmapiRequest.MaxNameListLength, changesState: true)
    {
    }

    public static SmapiRequest Request(SmapiCredentials credentials, string target) =>
        Function.NewRequest(credentials, target);

    public static ImageOperationResult Parse(SmapiResponse response, ITextCodec codec) =>
        ImageOperationResult.Parse(Function, response, codec);
}
