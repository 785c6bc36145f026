using System.Buffers.Binary;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// The one place SMAPI's big-endian words are written, the pair of <see cref="BigEndianReader"/>: a cursor
/// over a span the caller has sized (framers compute their length first), so writing allocates nothing.
/// Writing past the end throws, as a sizing mistake is a bug, not input.
/// </summary>
public ref struct BigEndianWriter(Span<byte> destination)
{
    private readonly Span<byte> destination = destination;

    /// <summary>Bytes written so far.</summary>
    public int Position { readonly get; private set; }

    public void WriteInt32(int value)
    {
        Int32At(destination[Position..], value);
        Position += 4;
    }

    public void WriteUInt32(uint value) => WriteInt32(unchecked((int)value));

    public void WriteByte(byte value) => destination[Position++] = value;

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[Position..]);
        Position += bytes.Length;
    }

    /// <summary>int4 length, then the text in <paramref name="codec"/>'s encoding (one byte per character).</summary>
    public void WriteText(string text, ITextCodec codec, string fieldName)
    {
        WriteInt32(text.Length);
        codec.Encode(text, destination.Slice(Position, text.Length), fieldName);
        Position += text.Length;
    }

    /// <summary>Overwrites the first word of <paramref name="buffer"/> (a fault that bends a framed length or id).</summary>
    public static void Int32At(Span<byte> buffer, int value) => BinaryPrimitives.WriteInt32BigEndian(buffer, value);

    /// <summary>The size of <see cref="WriteText"/>'s output.</summary>
    public static int TextLength(string text) => 4 + text.Length;
}
