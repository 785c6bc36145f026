using System.Globalization;
using System.Text;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Trace;

/// <summary>
/// Renders frames field by field, as hex with ASCII and EBCDIC readings (like the seed's RECYCLE LOG),
/// so an encoding mismatch is visible at a glance. The password and its length are always masked.
/// </summary>
public static class FrameTrace
{
    private const int BytesPerRow = 16;
    private const string Masked = "******** (masked)";

    public static IEnumerable<string> Request(ReadOnlySpan<byte> frame, ITextCodec codec)
    {
        var lines = new List<string> { $"> request, {frame.Length} bytes, {codec.Name}" };
        DecodedRequest decoded;
        try
        {
            decoded = RequestDecoder.DecodeFrame(frame, codec);
        }
        catch (SmapiException e)
        {
            lines.Add($">   (not decodable: {e.Message})");
            return lines;
        }

        foreach (RequestField field in decoded.Fields)
        {
            bool secret = field.Content == RequestFieldContent.Secret || field.Name == "password_length";
            if (secret)
            {
                lines.Add(Line('>', field.Offset, field.Name, Masked));
                continue;
            }

            ReadOnlySpan<byte> bytes = frame.Slice(field.Offset, field.Length);
            lines.Add(Line('>', field.Offset, field.Name, Render(bytes, field.Content != RequestFieldContent.Text)));
        }

        return lines;
    }

    public static string RequestId(uint requestId) =>
        Line('<', 0, "request_id", Number(requestId));

    public static IEnumerable<string> Response(SmapiResponse response)
    {
        yield return Line('<', 4, "output_length", Number((uint)(12 + response.Output.Length)));
        yield return Line('<', 8, "request_id", Number(response.RequestId));
        yield return Line('<', 12, "return_code", Number(unchecked((uint)response.ReturnCode)));
        yield return Line('<', 16, "reason_code", Number(unchecked((uint)response.ReasonCode)));
        for (int offset = 0; offset < response.Output.Length; offset += BytesPerRow)
        {
            ReadOnlySpan<byte> row = response.Output.Span.Slice(offset, Math.Min(BytesPerRow, response.Output.Length - offset));
            yield return Line('<', 20 + offset, "output", Render(row, false));
        }
    }

    private static string Line(char direction, int offset, string name, string rendering) =>
        string.Create(CultureInfo.InvariantCulture, $"{direction} {offset:X4} {name,-26} {rendering}");

    // The word as it stands on the wire (big-endian, so the hex digits read in order), then its value.
    private static string Number(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:X8} = {unchecked((int)value)}");

    private static string Render(ReadOnlySpan<byte> bytes, bool numeric)
    {
        if (numeric && bytes.Length == 4)
        {
            return Number(BigEndianReader.UInt32At(bytes));
        }

        var ascii = new StringBuilder(bytes.Length);
        var ebcdic = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            ascii.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
            char e = Ebcdic1047Codec.ToChar(b);
            ebcdic.Append(e is >= ' ' and < '\u007F' ? e : '.');
        }

        return $"{Convert.ToHexString(bytes)} ascii '{ascii}' ebcdic '{ebcdic}'";
    }
}
