namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Name_Query_DM: the names of every image the directory defines, answered as an
/// <see cref="ImageNameList"/>. The server ignores the target but still checks that the caller may name it.
/// </summary>
public sealed class ImageNameQueryDm : TargetQuery
{
    public static readonly ImageNameQueryDm Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Name_Query_DM";

    private ImageNameQueryDm()
        : base(WireName)
    {
    }
}
