using System.Buffers.Binary;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Reads a function's output fields (int4 and length-prefixed strings) and never past its end:
/// every declared length is checked against what is left before it is used.
/// </summary>
public ref struct OutputReader(ReadOnlySpan<byte> output, string functionName)
{
    private readonly ReadOnlySpan<byte> data = output;
    private int position;

    public readonly int Remaining => data.Length - position;

    public readonly bool AtEnd => position >= data.Length;

    public int ReadInt32(string fieldName)
    {
        if (Remaining < 4)
        {
            throw Malformed($"{fieldName} needs 4 bytes, {Remaining} left");
        }

        int value = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
        position += 4;
        return value;
    }

    /// <summary>An int4 length in [0, Remaining].</summary>
    public int ReadLength(string fieldName)
    {
        int length = ReadInt32(fieldName);
        if (length < 0 || length > Remaining)
        {
            throw Malformed($"{fieldName} {length} does not fit in the {Remaining} bytes left");
        }

        return length;
    }

    public ReadOnlySpan<byte> ReadBytes(int length, string fieldName)
    {
        if (length < 0 || length > Remaining)
        {
            throw Malformed($"{fieldName} of {length} bytes does not fit in the {Remaining} bytes left");
        }

        ReadOnlySpan<byte> bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }

    /// <summary>int4 length (within bounds) followed by that many characters.</summary>
    public string ReadString(ITextCodec codec, string fieldName, int minLength = 0, int maxLength = int.MaxValue)
    {
        int length = ReadLength($"{fieldName} length");
        if (length < minLength || length > maxLength)
        {
            throw Malformed($"{fieldName} length {length} is outside {minLength}..{maxLength}");
        }

        return codec.Decode(ReadBytes(length, fieldName), fieldName);
    }

    public readonly SmapiProtocolException Malformed(string detail) =>
        new(ProtocolError.MalformedOutput, $"{functionName}: malformed output: {detail}");
}
