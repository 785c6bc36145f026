namespace FenceZvm.Smapi.Text;

/// <summary>Looks codecs up by the names used on command lines.</summary>
public static class TextCodecs
{
    public static IReadOnlyList<string> Names { get; } = ["ascii", "ebcdic"];

    public static ITextCodec Ascii => AsciiCodec.Instance;

    public static ITextCodec Ebcdic => Ebcdic1047Codec.Instance;

    public static bool TryGet(string name, out ITextCodec codec)
    {
        codec = name.ToLowerInvariant() switch
        {
            "ascii" => AsciiCodec.Instance,
            "ebcdic" or "ibm-1047" or "ibm1047" or "cp1047" => Ebcdic1047Codec.Instance,
            _ => null!,
        };
        return codec is not null;
    }
}
