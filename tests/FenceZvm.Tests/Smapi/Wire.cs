using System.Buffers;
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

    /// <summary>One sequence made of the given pieces (each piece its own segment, empty ones included).</summary>
    public static ReadOnlySequence<byte> Sequence(params byte[][] pieces)
    {
        if (pieces.Length == 1)
        {
            return new ReadOnlySequence<byte>(pieces[0]);
        }

        var first = new Segment(pieces[0], 0);
        Segment last = first;
        for (int i = 1; i < pieces.Length; i++)
        {
            last = last.Append(pieces[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary><paramref name="data"/> cut at the given offsets (ascending, 0..Length).</summary>
    public static ReadOnlySequence<byte> SplitAt(byte[] data, params int[] cuts)
    {
        var pieces = new List<byte[]>();
        int start = 0;
        foreach (int cut in cuts)
        {
            pieces.Add(data[start..cut]);
            start = cut;
        }

        pieces.Add(data[start..]);
        return Sequence([.. pieces]);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
