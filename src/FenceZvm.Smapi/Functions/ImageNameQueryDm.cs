using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Name_Query_DM: the names of every image the directory defines. The server ignores the
/// target but still checks that the caller may name it.
/// </summary>
public sealed class ImageNameQueryDm : SmapiFunction
{
    public static readonly ImageNameQueryDm Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Name_Query_DM";

    private ImageNameQueryDm()
        : base(SmapiFunctionId.ImageNameQueryDm, WireName, hasTarget: true, maxTargetLength: SmapiRequest.MaxImageNameLength, changesState: false)
    {
    }

    public static SmapiRequest Request(SmapiCredentials credentials, string target) =>
        Function.NewRequest(credentials, target);

    /// <summary>The names of the defined images.</summary>
    public static IReadOnlyList<string> Parse(SmapiResponse response, ITextCodec codec) =>
        ImageNameList.Parse(Function, response, codec);
}
