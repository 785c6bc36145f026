namespace FenceZvm.Smapi.Protocol;

/// <summary>A request as the server reads it back from the wire.</summary>
public sealed record DecodedRequest(
    SmapiFunction Function,
    string User,
    string Password,
    string? Target,
    IReadOnlyList<RequestParameter> Parameters,
    IReadOnlyList<RequestField> Fields)
{
    public override string ToString() => Target is null ? Function.Name : $"{Function.Name} {Target}";
}
