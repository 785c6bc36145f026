using System.Buffers.Binary;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>Builds function output (server side and tests): int4 values and length-prefixed strings.</summary>
public sealed class OutputWriter(ITextCodec codec)
{
    private readonly MemoryStream stream = new();

    public int Length => (int)stream.Length;

    public OutputWriter Int32(int value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, value);
        stream.Write(word);
        return this;
    }

    public OutputWriter String(string text)
    {
        Int32(text.Length);
        Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        codec.Encode(text, bytes, "output");
        stream.Write(bytes);
        return this;
    }

    public OutputWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        return this;
    }

    public byte[] ToArray() => stream.ToArray();
}
