namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Status_Query: whether an image is active, answered as an <see cref="ImageNameList"/>. RC 0 RS 0
/// lists it; RC 0 RS 12 means it is not active, or not defined at all (this function cannot tell the two
/// apart). The target "*" lists every active image.
/// </summary>
public sealed class ImageStatusQuery : TargetQuery
{
    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Status_Query";

    /// <summary>The target that asks for every active image.</summary>
    public const string AllActive = "*";

    public static readonly ImageStatusQuery Function = new();

    private ImageStatusQuery()
        : base(WireName)
    {
    }

    public override string? Meaning(int returnCode, int reasonCode) =>
        returnCode == ReturnCodes.Ok && reasonCode == ReturnCodes.RsNotActive ? "image not active" : null;
}
