namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// The checks shared by <see cref="ResponseReader"/> and Response_Recovery, whose output is a lost
/// response 2 body: an output_length against the minimum and the bound, and the parse of a body.
/// </summary>
public static class ResponseParser
{
    /// <summary>Checks an output_length against the minimum and the bound.</summary>
    public static void CheckOutputLength(int outputLength, int maxOutputLength)
    {
        if (outputLength < ResponseLimits.MinOutputLength)
        {
            throw new SmapiProtocolException(
                ProtocolError.OutputLengthTooSmall,
                $"SMAPI response: output length {outputLength} is below the minimum of {ResponseLimits.MinOutputLength}");
        }

        if (outputLength > maxOutputLength)
        {
            throw new SmapiProtocolException(
                ProtocolError.OutputLengthTooLarge,
                $"SMAPI response: output length {outputLength} exceeds the limit of {maxOutputLength} bytes");
        }
    }

    /// <summary>Parses the output_length bytes of response 2 (request id, RC, RS, output).</summary>
    public static SmapiResponse ParseBody(byte[] body, uint expectedRequestId)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckOutputLength(body.Length, int.MaxValue);
        uint requestId = BigEndianReader.UInt32At(body);
        if (requestId != expectedRequestId)
        {
            throw new SmapiProtocolException(
                ProtocolError.RequestIdMismatch,
                $"SMAPI response: request id {requestId} in the output does not match request id {expectedRequestId} acknowledged by the server");
        }

        int rc = BigEndianReader.Int32At(body.AsSpan(4));
        int rs = BigEndianReader.Int32At(body.AsSpan(8));
        return new SmapiResponse(requestId, rc, rs, body.AsMemory(ResponseLimits.MinOutputLength));
    }
}
