namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Recycle: logs an active image off and on again in one request (or each member of a name
/// list). 200/12 means it was not active, 200/36 that some members of a list were not recycled.
/// </summary>
public sealed class ImageRecycle : ImageOperation
{
    public static readonly ImageRecycle Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Recycle";

    private ImageRecycle()
        : base(WireName, someFailedReason: 36)
    {
    }
}
