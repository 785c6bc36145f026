using System.Buffers.Binary;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Reads a framed request back into its fields, as a SMAPI server does. Failures carry the
/// return and reason code the server answers with: 900/20 when the lengths do not add up,
/// 900/12 for an unknown (or undecodable) function name, 24/(n*100+13) for a field that is too long.
/// </summary>
public static class RequestDecoder
{
    private const int TotalLengthMismatch = 20;
    private const int FunctionNotValid = 12;
    private const int SyntaxTooLong = 13;
    private const int SyntaxNotAlphanumeric = 36;

    /// <summary>Decodes a whole frame, input_length word included.</summary>
    public static DecodedRequest DecodeFrame(ReadOnlySpan<byte> frame, ITextCodec codec)
    {
        if (frame.Length < 4 || BinaryPrimitives.ReadInt32BigEndian(frame) != frame.Length - 4)
        {
            throw new SmapiRequestDecodeException(900, TotalLengthMismatch, "input length does not match the request data");
        }

        return Decode(frame[4..], codec);
    }

    /// <summary>Decodes the bytes after the input_length word.</summary>
    public static DecodedRequest Decode(ReadOnlySpan<byte> body, ITextCodec codec)
    {
        var fields = new List<RequestField> { new("input_length", 0, 4, RequestFieldContent.Length) };
        var cursor = new Cursor(body, fields);

        string name = cursor.Text("function_name", codec, RequestFieldContent.Text, int.MaxValue, 1);
        if (!SmapiFunction.TryGet(name, out SmapiFunction function))
        {
            throw new SmapiRequestDecodeException(900, FunctionNotValid, $"function '{name}' does not exist");
        }

        string user = cursor.Text("authenticated_userid", codec, RequestFieldContent.Text, SmapiRequest.MaxUserLength, 2);
        string password = cursor.Text("password", codec, RequestFieldContent.Secret, SmapiRequest.MaxPasswordLength, 3);
        string? target = function.HasTarget
            ? cursor.Text("target_identifier", codec, RequestFieldContent.Text, function.MaxTargetLength, 4)
            : null;

        var parameters = new RequestParameter[function.Extras.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            string fieldName = $"parameter_{i + 1}";
            parameters[i] = function.Extras[i] switch
            {
                ParameterKind.Text => RequestParameter.OfText(cursor.Text(fieldName, codec, RequestFieldContent.Text, SmapiRequest.MaxTextParameterLength, 5 + i)),
                ParameterKind.Int32 => RequestParameter.OfInt32(cursor.Int32(fieldName)),
                _ => RequestParameter.OfByte(cursor.Byte(fieldName)),
            };
        }

        if (!cursor.AtEnd)
        {
            throw new SmapiRequestDecodeException(900, TotalLengthMismatch, $"{cursor.Remaining} bytes follow the last parameter of {function.Name}");
        }

        return new DecodedRequest(function, user, password, target, parameters, fields);
    }

    private ref struct Cursor(ReadOnlySpan<byte> body, List<RequestField> fields)
    {
        private readonly ReadOnlySpan<byte> body = body;
        private int position;

        public readonly bool AtEnd => position == body.Length;

        public readonly int Remaining => body.Length - position;

        public int Int32(string name)
        {
            Need(4, name);
            fields.Add(new RequestField(name, 4 + position, 4, RequestFieldContent.Number));
            int value = BinaryPrimitives.ReadInt32BigEndian(body[position..]);
            position += 4;
            return value;
        }

        public byte Byte(string name)
        {
            Need(1, name);
            fields.Add(new RequestField(name, 4 + position, 1, RequestFieldContent.Number));
            return body[position++];
        }

        public string Text(string name, ITextCodec codec, RequestFieldContent content, int maxLength, int parameterNumber)
        {
            Need(4, name + "_length");
            int length = BinaryPrimitives.ReadInt32BigEndian(body[position..]);
            fields.Add(new RequestField(name + "_length", 4 + position, 4, RequestFieldContent.Length));
            position += 4;
            if (length < 0 || length > Remaining)
            {
                throw new SmapiRequestDecodeException(900, TotalLengthMismatch, $"{name} length {length} runs past the end of the request");
            }

            if (length > maxLength)
            {
                throw new SmapiRequestDecodeException(24, (parameterNumber * 100) + SyntaxTooLong, $"{name} is longer than {maxLength} characters");
            }

            fields.Add(new RequestField(name, 4 + position, length, content));
            string text;
            try
            {
                text = codec.Decode(body.Slice(position, length), name);
            }
            catch (SmapiEncodingException e) when (parameterNumber == 1)
            {
                throw new SmapiRequestDecodeException(900, FunctionNotValid, $"function name is not valid {codec.Name} text: {e.Message}");
            }
            catch (SmapiEncodingException e)
            {
                throw new SmapiRequestDecodeException(24, (parameterNumber * 100) + SyntaxNotAlphanumeric, e.Message);
            }

            position += length;
            return text;
        }

        private readonly void Need(int count, string name)
        {
            if (Remaining < count)
            {
                throw new SmapiRequestDecodeException(900, TotalLengthMismatch, $"request ends before {name}");
            }
        }
    }
}
