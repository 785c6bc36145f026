namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Deactivate: logs an image off (or each member of a name list), its one extra parameter the
/// force time. Success with a non-zero reason code gives the seconds the guest was allowed (WITHIN n);
/// 200/12 means it was not active, 200/16 that it is already being deactivated, 200/32 that some members
/// of a list were not deactivated.
/// </summary>
public sealed class ImageDeactivate : ImageOperation
{
    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Deactivate";

    public static readonly ImageDeactivate Function = new();

    private ImageDeactivate()
        : base(WireName, someFailedReason: 32, ParameterKind.Text)
    {
    }

    /// <summary>Deactivation at once (IMMED).</summary>
    public override SmapiRequest Request(SmapiCredentials credentials, string target) => Request(credentials, target, ForceTime.Immediate);

    public SmapiRequest Request(SmapiCredentials credentials, string target, ForceTime forceTime) =>
        new(this, credentials, target, RequestParameter.OfText(forceTime.Text ?? ForceTime.Immediate.Text));

    /// <summary>The force time text of a decoded request (empty means the server's default, IMMED).</summary>
    public static string ForceTimeOf(DecodedRequest request) => request.Parameters[0].Text ?? string.Empty;

    public override string? Meaning(int returnCode, int reasonCode) =>
        returnCode == ReturnCodes.Ok && reasonCode != ReturnCodes.RsNone
            ? $"request successful; deactivated within {reasonCode} seconds"
            : null;
}
