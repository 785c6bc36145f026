using System.Globalization;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Reads the two server responses from a stream, however its bytes are fragmented: response 1 is the
/// 4-byte request id; response 2 is output_length, checked against the minimum and the bound before
/// anything is allocated, then exactly that many bytes (request id, return code, reason code, output).
/// It never asks the stream for a byte past the declared frame. A connection closed before any byte of a
/// part is an <see cref="EndOfStreamException"/> (the client reports a lost connection); closed inside
/// the output_length or the output it is a <see cref="ProtocolError.ShortRead"/>.
/// </summary>
/// <remarks>
/// Static, blocking and free of generics: the agent JIT-compiles this at every start on s390x, and a
/// one-request process gains nothing from an instance or from asynchronous reads.
/// </remarks>
public static class ResponseReader
{
    /// <summary>Response 1. Short of its 4 bytes the connection is reported lost, whatever arrived.</summary>
    /// <exception cref="EndOfStreamException">The stream ended before the 4th byte.</exception>
    public static uint ReadRequestId(Stream stream, IReadBound? bound)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> word = stackalloc byte[4];
        int got = ReadFully(stream, word, bound);
        if (got < word.Length)
        {
            throw new EndOfStreamException(string.Create(CultureInfo.InvariantCulture, $"connection closed after {got} of the 4 bytes of the request id"));
        }

        return BigEndianReader.UInt32At(word);
    }

    /// <summary>Response 2 for the request the server acknowledged as <paramref name="requestId"/>.</summary>
    /// <exception cref="EndOfStreamException">The stream ended before its first byte.</exception>
    /// <exception cref="SmapiProtocolException">A bad output_length, a short read or a mismatched request id.</exception>
    public static SmapiResponse ReadOutput(Stream stream, uint requestId, int maxOutputLength, IReadBound? bound)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> word = stackalloc byte[4];
        int got = ReadFully(stream, word, bound);
        if (got == 0)
        {
            throw new EndOfStreamException("connection closed after the request id, before any byte of the response");
        }

        if (got < word.Length)
        {
            throw new SmapiProtocolException(ProtocolError.ShortRead, string.Create(CultureInfo.InvariantCulture, $"SMAPI response: connection closed after {got} of the 4 bytes of the output length"));
        }

        int declared = BigEndianReader.Int32At(word);
        ResponseParser.CheckOutputLength(declared, maxOutputLength);
        byte[] body = new byte[declared];
        got = ReadFully(stream, body, bound);
        if (got < declared)
        {
            throw new SmapiProtocolException(ProtocolError.ShortRead, string.Create(CultureInfo.InvariantCulture, $"SMAPI response: connection closed after {got} of the {declared} bytes of the output"));
        }

        return ResponseParser.ParseBody(body, requestId);
    }

    /// <summary>The one read loop: fills the buffer and asks for no more; fewer bytes only at end of stream.</summary>
    private static int ReadFully(Stream stream, Span<byte> buffer, IReadBound? bound)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            bound?.BoundNextCall(stream);
            int read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
