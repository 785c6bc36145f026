namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Response 2 of a request: the request id the server assigned, the return and reason codes,
/// and the function-specific output (the bytes after the reason code; empty when output_length is 12).
/// </summary>
public sealed record SmapiResponse(uint RequestId, int ReturnCode, int ReasonCode, ReadOnlyMemory<byte> Output)
{
    public bool Succeeded => ReturnCode == ReturnCodes.Ok;

    /// <summary>"FUNCTION: RC 100 RS 16: not authorized by the server (...)".</summary>
    public string Describe(SmapiFunction function) => ReturnCodes.Format(function, ReturnCode, ReasonCode);

    public override string ToString() => $"request {RequestId}: RC {ReturnCode} RS {ReasonCode}, {Output.Length} output bytes";
}
