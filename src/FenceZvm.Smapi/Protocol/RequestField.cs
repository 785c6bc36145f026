namespace FenceZvm.Smapi.Protocol;

public enum RequestFieldContent
{
    Length,
    Text,
    Secret,
    Number,
}

/// <summary>Where one field of a framed request lies (offsets count from the input_length word).</summary>
public readonly record struct RequestField(string Name, int Offset, int Length, RequestFieldContent Content);
