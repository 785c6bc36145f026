using System.Globalization;
using System.Text;

namespace FenceZvm.Tests.Smapi;

/// <summary>
/// Writes byte images the way the spec prints them, independently of the library:
/// groups of hex digits are raw bytes ("0000002a" = 4 bytes) and 'quoted' text is ASCII.
/// </summary>
internal static class Wire
{
    public static byte[] Bytes(string image)
    {
        var bytes = new List<byte>();
        int i = 0;
        while (i < image.Length)
        {
            char c = image[i];
            if (char.IsWhiteSpace(c) || c == '|')
            {
                i++;
            }
            else if (c == '\'')
            {
                int end = image.IndexOf('\'', i + 1);
                bytes.AddRange(Encoding.ASCII.GetBytes(image[(i + 1)..end]));
                i = end + 1;
            }
            else
            {
                bytes.Add(byte.Parse(image.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
        }

        return [.. bytes];
    }

    /// <summary>A big-endian int4.</summary>
    public static byte[] Int(int value) =>
        [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>int4 length + ASCII text.</summary>
    public static byte[] Str(string text) => Concat(Int(text.Length), Encoding.ASCII.GetBytes(text));

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
