namespace FenceZvm.Smapi.Protocol;

/// <summary>The lengths SMAPI allows, defined once for the library, the agent's option checks and the simulator.</summary>
public static class SmapiLimits
{
    /// <summary>A z/VM user id: an image name, the authenticated user, the SMAPI server over IUCV.</summary>
    public const int GuestName = 8;

    /// <summary>The name of a server-side list of images, which the image operations take as a target.</summary>
    public const int NameList = 64;

    public const int Password = 200;

    /// <summary>An extra text parameter (Image_Deactivate's force time).</summary>
    public const int TextParameter = 64;
}
