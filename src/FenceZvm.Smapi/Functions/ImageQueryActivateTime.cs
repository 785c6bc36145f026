namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Image_Query_Activate_Time: when an active image logged on (an <see cref="ActivationTime"/>), as text in the date format its one
/// extra parameter (a raw byte) names. 200/12 means the image is not active.
/// </summary>
public sealed class ImageQueryActivateTime : SmapiFunction
{
    public static readonly ImageQueryActivateTime Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Image_Query_Activate_Time";

    /// <summary>Date format 4: yyyy-mm-dd.</summary>
    public const byte IsoDateFormat = 4;

    private ImageQueryActivateTime()
        : base(WireName, hasTarget: true, maxTargetLength: SmapiLimits.GuestName, changesState: false, ParameterKind.Byte)
    {
    }

    public SmapiRequest Request(SmapiCredentials credentials, string target, byte dateFormat = IsoDateFormat) =>
        new(this, credentials, target, RequestParameter.OfByte(dateFormat));

    /// <summary>How a date is written in date format 1 to 6 (a .NET pattern); null for any other number.</summary>
    public static string? DatePattern(byte dateFormat) => dateFormat switch
    {
        1 => "MM/dd/yy",
        2 => "MM/dd/yyyy",
        3 => "yy-MM-dd",
        IsoDateFormat => "yyyy-MM-dd",
        5 => "dd/MM/yy",
        6 => "dd/MM/yyyy",
        _ => null,
    };

    /// <summary>The date format a decoded request asks for.</summary>
    public static byte DateFormatOf(DecodedRequest request) => (byte)request.Parameters[0].Number;
}
