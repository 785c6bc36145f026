namespace FenceZvm.Tests.Smapi;

/// <summary>The built response examples of spec 3.2 (response 1 followed by response 2).</summary>
internal static class SpecResponses
{
    /// <summary>Image_Deactivate of a list: RC 200 RS 32, one failing image LINUX09 with 200/12.</summary>
    public static byte[] DeactivateFailingArray => Wire.Bytes("""
        00001235
        0000002f
        00001235 000000c8 00000020
        00000001 00000001
        00000017
        00000013 00000007 'LINUX09' 000000c8 0000000c
        """);

    /// <summary>Image_Status_Query * answering LINUX01, LINUX02.</summary>
    public static byte[] StatusQueryStar => Wire.Bytes(
        "00001234 | 00000026 | 00001234 00000000 00000000 | 00000016 | 00000007 'LINUX01' 00000007 'LINUX02'");

    /// <summary>A bare failure: output_length 12 (request id, RC 100, RS 16) and no output.</summary>
    public static byte[] NotAuthorized => Wire.Bytes("00000042 0000000c 00000042 00000064 00000010");
}
