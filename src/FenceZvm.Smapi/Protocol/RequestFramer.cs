using System.Buffers.Binary;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Frames a request: int4 input_length (bytes after itself), then length-prefixed function name,
/// user, password, target (when the function has one) and the extra parameters. All integers are
/// big-endian. Writes into a caller-supplied span and allocates nothing.
/// </summary>
public static class RequestFramer
{
    /// <summary>The total number of bytes <see cref="Write"/> produces, input_length word included.</summary>
    public static int GetFramedLength(SmapiRequest request)
    {
        int length = 4 + 4 + request.Function.Name.Length + 4 + request.User.Length + 4 + request.Password.Length;
        if (request.Function.HasTarget)
        {
            length += 4 + request.Target!.Length;
        }

        // Indexed, not foreach: enumerating the IReadOnlyList would allocate an enumerator.
        IReadOnlyList<RequestParameter> parameters = request.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            RequestParameter p = parameters[i];
            length += p.Kind switch
            {
                ParameterKind.Text => 4 + (p.Text ?? string.Empty).Length,
                ParameterKind.Int32 => 4,
                _ => 1,
            };
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

        BinaryPrimitives.WriteInt32BigEndian(destination, total - 4);
        int offset = 4;
        offset += WriteText(request.Function.Name, codec, destination[offset..], "function name");
        offset += WriteText(request.User, codec, destination[offset..], "user");
        offset += WriteText(request.Password, codec, destination[offset..], "password");
        if (request.Function.HasTarget)
        {
            offset += WriteText(request.Target!, codec, destination[offset..], "target");
        }

        IReadOnlyList<RequestParameter> parameters = request.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            RequestParameter p = parameters[i];
            switch (p.Kind)
            {
                case ParameterKind.Text:
                    offset += WriteText(p.Text ?? string.Empty, codec, destination[offset..], "parameter");
                    break;
                case ParameterKind.Int32:
                    BinaryPrimitives.WriteInt32BigEndian(destination[offset..], p.Number);
                    offset += 4;
                    break;
                default:
                    destination[offset++] = (byte)p.Number;
                    break;
            }
        }

        return offset;
    }

    /// <summary>Frames into a new array (tests, tools; the client uses a pooled buffer).</summary>
    public static byte[] ToArray(SmapiRequest request, ITextCodec codec)
    {
        var bytes = new byte[GetFramedLength(request)];
        Write(request, codec, bytes);
        return bytes;
    }

    private static int WriteText(string text, ITextCodec codec, Span<byte> destination, string fieldName)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, text.Length);
        codec.Encode(text, destination.Slice(4, text.Length), fieldName);
        return 4 + text.Length;
    }
}
