using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Output of Response_Recovery. With RC 0 the output is the lost response 2 body of the original
/// request (its request id, RC, RS and output, without output_length); RC 4 means the server has
/// no response kept for that request id.
/// </summary>
public static class RecoveredResponse
{
    /// <summary>The return code of "no response kept for that request id" (RS 4: the request does not exist).</summary>
    public const int NoDataReturnCode = 4;

    /// <summary>The original response, or null when the server has none for <paramref name="originalRequestId"/>.</summary>
    public static SmapiResponse? Parse(SmapiResponse recovery, uint originalRequestId)
    {
        if (recovery.ReturnCode != 0)
        {
            return null;
        }

        if (recovery.Output.Length < ResponseLimits.MinOutputLength)
        {
            throw new SmapiProtocolException(ProtocolError.MalformedOutput, $"Response_Recovery: malformed output: {recovery.Output.Length} bytes cannot hold a response");
        }

        return ResponseParser.ParseBody(recovery.Output.ToArray(), originalRequestId);
    }
}
