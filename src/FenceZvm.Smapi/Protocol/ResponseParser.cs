using System.Buffers;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Incremental parsing of the two server responses from whatever bytes have arrived so far:
/// response 1 is the 4-byte request id; response 2 is output_length, then exactly that many bytes
/// (request id, return code, reason code, output). Lengths are checked before anything is allocated.
/// Each Try method consumes nothing and returns false until its whole part is available.
/// </summary>
public static class ResponseParser
{
    public static bool TryReadRequestId(ref ReadOnlySequence<byte> buffer, out uint requestId)
    {
        bool read = BigEndianReader.TryPeekInt32(buffer, out int value);
        requestId = unchecked((uint)value);
        if (read)
        {
            buffer = buffer.Slice(4);
        }

        return read;
    }

    /// <exception cref="SmapiProtocolException">A bad output_length or a mismatched request id.</exception>
    public static bool TryReadOutput(ref ReadOnlySequence<byte> buffer, uint expectedRequestId, int maxOutputLength, out SmapiResponse? response)
    {
        response = null;
        if (!BigEndianReader.TryPeekInt32(buffer, out int outputLength))
        {
            return false;
        }

        CheckOutputLength(outputLength, maxOutputLength);
        if (buffer.Length - 4 < outputLength)
        {
            return false;
        }

        ReadOnlySequence<byte> whole = buffer.Slice(4, outputLength);
        response = ParseBody(whole.ToArray(), expectedRequestId);
        buffer = buffer.Slice(whole.End);
        return true;
    }

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
