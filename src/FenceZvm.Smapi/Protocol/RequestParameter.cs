namespace FenceZvm.Smapi.Protocol;

/// <summary>One function-specific request parameter (after the common fields).</summary>
public readonly record struct RequestParameter(ParameterKind Kind, string? Text, int Number)
{
    public static RequestParameter OfText(string text) => new(ParameterKind.Text, text, 0);

    public static RequestParameter OfInt32(int value) => new(ParameterKind.Int32, null, value);

    public static RequestParameter OfByte(byte value) => new(ParameterKind.Byte, null, value);

    public override string ToString() => Kind == ParameterKind.Text ? Text ?? string.Empty : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
