using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Reads a function's output fields (int4 and length-prefixed strings) with <see cref="BigEndianReader"/>;
/// a field that does not fit in what is left is malformed output, named by function and field.
/// </summary>
public ref struct OutputReader(ReadOnlySpan<byte> output, string functionName)
{
    private BigEndianReader reader = new(output);

    public readonly int Remaining => reader.Remaining;

    public readonly bool AtEnd => reader.AtEnd;

    public int ReadInt32(string fieldName) =>
        reader.TryReadInt32(out int value) ? value : throw Malformed($"{fieldName} needs 4 bytes, {Remaining} left");

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

    public ReadOnlySpan<byte> ReadBytes(int length, string fieldName) =>
        reader.TryReadBytes(length, out ReadOnlySpan<byte> bytes)
            ? bytes
            : throw Malformed($"{fieldName} of {length} bytes does not fit in the {Remaining} bytes left");

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
