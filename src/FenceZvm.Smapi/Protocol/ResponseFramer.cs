using System.Buffers.Binary;

namespace FenceZvm.Smapi.Protocol;

/// <summary>Frames the server's responses (simulator, tests).</summary>
public static class ResponseFramer
{
    /// <summary>Response 1: the request id alone.</summary>
    public static byte[] RequestId(uint requestId)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, requestId);
        return bytes;
    }

    /// <summary>Response 2: output_length, request id, RC, RS, output.</summary>
    public static byte[] Output(uint requestId, int returnCode, int reasonCode, ReadOnlySpan<byte> output)
    {
        var bytes = new byte[16 + output.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 12 + output.Length);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), requestId);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), returnCode);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), reasonCode);
        output.CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    /// <summary>Response 1 and response 2 in one buffer, for a single write.</summary>
    public static byte[] RequestIdAndOutput(uint requestId, int returnCode, int reasonCode, ReadOnlySpan<byte> output)
    {
        var bytes = new byte[20 + output.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, requestId);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 12 + output.Length);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), requestId);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), returnCode);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), reasonCode);
        output.CopyTo(bytes.AsSpan(20));
        return bytes;
    }
}
