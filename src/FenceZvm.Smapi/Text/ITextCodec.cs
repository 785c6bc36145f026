namespace FenceZvm.Smapi.Text;

/// <summary>
/// How SMAPI character fields (function name, user, password, target, returned names) become bytes.
/// One byte per character in every supported codec, so byte counts equal character counts.
/// </summary>
public interface ITextCodec
{
    /// <summary>The name used on command lines: "ascii" or "ebcdic".</summary>
    string Name { get; }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/> (exactly text.Length bytes).</summary>
    /// <exception cref="SmapiEncodingException">A character the codec cannot represent.</exception>
    void Encode(ReadOnlySpan<char> text, Span<byte> destination, string fieldName);

    /// <summary>True when every character of <paramref name="text"/> can be encoded.</summary>
    bool CanEncode(ReadOnlySpan<char> text);

    /// <summary>Decodes bytes received from the server.</summary>
    /// <exception cref="SmapiEncodingException">A byte with no meaning in this codec.</exception>
    string Decode(ReadOnlySpan<byte> bytes, string fieldName);
}
