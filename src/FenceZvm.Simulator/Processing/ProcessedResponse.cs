using FenceZvm.Smapi;

namespace FenceZvm.Simulator.Processing;

/// <summary>What the server answers in response 2: return code, reason code and function output.</summary>
public sealed record ProcessedResponse(int ReturnCode, int ReasonCode, byte[] Output)
{
    public static ProcessedResponse Of(int returnCode, int reasonCode) => new(returnCode, reasonCode, []);

    /// <summary>RC 0 RS 0 with this output.</summary>
    public static ProcessedResponse Success(byte[] output) => new(ReturnCodes.Ok, ReturnCodes.RsNone, output);
}
