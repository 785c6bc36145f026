namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Activate: logs an image on (or each member of a name list). 200/8 means it is already
/// active, 200/16 that it is still being deactivated, 200/28 that some members of a list were not activated.
/// </summary>
public sealed class ImageActivate : ImageOperation
{
    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Activate";

    public static readonly ImageActivate Function = new();

    private ImageActivate()
        : base(WireName, someFailedReason: 28)
    {
    }
}
