using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Frames a request: int4 input_length (the bytes after itself), then each value of the function's
/// <see cref="RequestLayout"/> in order. Writes into a caller-supplied span and allocates nothing.
/// </summary>
public static class RequestFramer
{
    /// <summary>The total number of bytes <see cref="Write"/> produces, input_length word included.</summary>
    public static int GetFramedLength(SmapiRequest request)
    {
        int length = 4;
        ReadOnlySpan<RequestParameter> values = request.Values;
        for (int i = 0; i < values.Length; i++)
        {
            length += RequestLayout.Size(request.Function.Layout[i], values[i]);
        }

        return length;
    }

    /// <summary>Writes the framed request and returns the number of bytes written.</summary>
    public static int Write(SmapiRequest request, ITextCodec codec, Span<byte> destination)
    {
        int total = GetFramedLength(request);
        if (destination.Length < total)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, the request needs {total}", nameof(destination));
        }

        var writer = new BigEndianWriter(destination);
        writer.WriteInt32(total - 4);
        ReadOnlySpan<RequestParameter> values = request.Values;
        for (int i = 0; i < values.Length; i++)
        {
            RequestParameter value = values[i];
            switch (request.Function.Layout[i].Kind)
            {
                case ParameterKind.Text:
                    writer.WriteText(value.Text ?? string.Empty, codec, request.Function.Layout[i].Name);
                    break;
                case ParameterKind.Int32:
                    writer.WriteInt32(value.Number);
                    break;
                default:
                    writer.WriteByte((byte)value.Number);
                    break;
            }
        }

        return writer.Position;
    }

    /// <summary>Frames into a new array (tests, tools; the client uses a pooled buffer).</summary>
    public static byte[] ToArray(SmapiRequest request, ITextCodec codec)
    {
        var bytes = new byte[GetFramedLength(request)];
        Write(request, codec, bytes);
        return bytes;
    }
}
