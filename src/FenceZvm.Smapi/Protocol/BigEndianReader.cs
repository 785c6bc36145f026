using System.Buffers.Binary;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// The one place SMAPI's big-endian words are read: a cursor over a span that never reads past its end
/// (each Try method consumes nothing and returns false when too few bytes are left), and the first word
/// of a buffer. Callers decide what a short read means.
/// </summary>
public ref struct BigEndianReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;

    /// <summary>Bytes consumed so far.</summary>
    public int Position { readonly get; private set; }

    public readonly int Remaining => data.Length - Position;

    public readonly bool AtEnd => Position >= data.Length;

    public bool TryReadInt32(out int value)
    {
        if (Remaining < 4)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadInt32BigEndian(data[Position..]);
        Position += 4;
        return true;
    }

    public bool TryReadUInt32(out uint value)
    {
        bool read = TryReadInt32(out int word);
        value = unchecked((uint)word);
        return read;
    }

    public bool TryReadByte(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = data[Position++];
        return true;
    }

    /// <summary>The next <paramref name="length"/> bytes; false for a negative length or one past the end.</summary>
    public bool TryReadBytes(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length < 0 || length > Remaining)
        {
            bytes = default;
            return false;
        }

        bytes = data.Slice(Position, length);
        Position += length;
        return true;
    }

    /// <summary>The first word of <paramref name="buffer"/>, which holds at least four bytes.</summary>
    public static int Int32At(ReadOnlySpan<byte> buffer) => BinaryPrimitives.ReadInt32BigEndian(buffer);

    /// <summary>The first word of <paramref name="buffer"/> as an unsigned value (request ids).</summary>
    public static uint UInt32At(ReadOnlySpan<byte> buffer) => unchecked((uint)Int32At(buffer));
}
