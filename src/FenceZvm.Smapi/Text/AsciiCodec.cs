namespace FenceZvm.Smapi.Text;

/// <summary>7-bit ASCII: what the real SMAPI servers speak on both transports.</summary>
public sealed class AsciiCodec : ITextCodec
{
    public static readonly AsciiCodec Instance = new();

    private AsciiCodec()
    {
    }

    public string Name => "ascii";

    public bool CanEncode(ReadOnlySpan<char> text) => System.Text.Ascii.IsValid(text);

    public void Encode(ReadOnlySpan<char> text, Span<byte> destination, string fieldName)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c > 0x7F)
            {
                throw new SmapiEncodingException($"{fieldName} contains a character that is not ASCII (U+{(int)c:X4} at position {i + 1})");
            }

            destination[i] = (byte)c;
        }
    }

    public string Decode(ReadOnlySpan<byte> bytes, string fieldName)
    {
        int bad = bytes.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        if (bad >= 0)
        {
            throw new SmapiEncodingException($"{fieldName} from the server is not printable ASCII (byte 0x{bytes[bad]:X2} at position {bad + 1}); is the server using EBCDIC?");
        }

        return System.Text.Encoding.ASCII.GetString(bytes);
    }
}
