using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Builds function output of unknown length (server side and tests): int4 values and length-prefixed
/// strings, each written by <see cref="BigEndianWriter"/> into a growing buffer.
/// </summary>
public sealed class OutputWriter(ITextCodec codec)
{
    private readonly MemoryStream stream = new();

    public int Length => (int)stream.Length;

    public OutputWriter Int32(int value)
    {
        Span<byte> word = stackalloc byte[4];
        new BigEndianWriter(word).WriteInt32(value);
        stream.Write(word);
        return this;
    }

    public OutputWriter String(string text)
    {
        Span<byte> bytes = text.Length <= 252 ? stackalloc byte[BigEndianWriter.TextLength(text)] : new byte[BigEndianWriter.TextLength(text)];
        new BigEndianWriter(bytes).WriteText(text, codec, "output");
        stream.Write(bytes);
        return this;
    }

    public OutputWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        return this;
    }

    /// <summary>int4 length, then what <paramref name="inner"/> built (the arrays and entries of an output).</summary>
    public OutputWriter Nested(OutputWriter inner)
    {
        Int32(inner.Length);
        return Bytes(inner.ToArray());
    }

    public byte[] ToArray() => stream.ToArray();
}
