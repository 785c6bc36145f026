namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Frames the server's responses (simulator, tests): response 1 is the request id alone; response 2 is
/// output_length (the bytes after it), request id, RC, RS, output.
/// </summary>
public static class ResponseFramer
{
    public static byte[] RequestId(uint requestId)
    {
        var bytes = new byte[4];
        new BigEndianWriter(bytes).WriteUInt32(requestId);
        return bytes;
    }

    public static byte[] Output(uint requestId, int returnCode, int reasonCode, ReadOnlySpan<byte> output)
    {
        var bytes = new byte[4 + ResponseLimits.MinOutputLength + output.Length];
        var writer = new BigEndianWriter(bytes);
        WriteOutput(ref writer, requestId, returnCode, reasonCode, output);
        return bytes;
    }

    /// <summary>Response 1 and response 2 in one buffer, for a single write.</summary>
    public static byte[] RequestIdAndOutput(uint requestId, int returnCode, int reasonCode, ReadOnlySpan<byte> output)
    {
        var bytes = new byte[8 + ResponseLimits.MinOutputLength + output.Length];
        var writer = new BigEndianWriter(bytes);
        writer.WriteUInt32(requestId);
        WriteOutput(ref writer, requestId, returnCode, reasonCode, output);
        return bytes;
    }

    private static void WriteOutput(ref BigEndianWriter writer, uint requestId, int returnCode, int reasonCode, ReadOnlySpan<byte> output)
    {
        writer.WriteInt32(ResponseLimits.MinOutputLength + output.Length);
        writer.WriteUInt32(requestId);
        writer.WriteInt32(returnCode);
        writer.WriteInt32(reasonCode);
        writer.WriteBytes(output);
    }
}
