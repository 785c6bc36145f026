using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Reads a framed request back into its fields, as a SMAPI server does. Failures carry the
/// return and reason code the server answers with: 900/20 when the lengths do not add up,
/// 900/12 for an unknown (or undecodable) function name, 24/(n*100+13) for a field that is too long.
/// </summary>
public static class RequestDecoder
{
    /// <summary>Decodes a whole frame, input_length word included.</summary>
    public static DecodedRequest DecodeFrame(ReadOnlySpan<byte> frame, ITextCodec codec)
    {
        var reader = new BigEndianReader(frame);
        if (!reader.TryReadInt32(out int inputLength) || inputLength != reader.Remaining)
        {
            throw LengthMismatch("input length does not match the request data");
        }

        return Decode(frame[4..], codec);
    }

    /// <summary>Decodes the bytes after the input_length word.</summary>
    public static DecodedRequest Decode(ReadOnlySpan<byte> body, ITextCodec codec)
    {
        var fields = new List<RequestField> { new("input_length", 0, 4, RequestFieldContent.Length) };
        var reader = new BigEndianReader(body);

        string name = Text(ref reader, fields, "function_name", codec, RequestFieldContent.Text, int.MaxValue, 1);
        if (!SmapiFunctions.TryGet(name, out SmapiFunction function))
        {
            throw new SmapiRequestDecodeException(ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid, $"function '{name}' does not exist");
        }

        string user = Text(ref reader, fields, "authenticated_userid", codec, RequestFieldContent.Text, SmapiRequest.MaxUserLength, 2);
        string password = Text(ref reader, fields, "password", codec, RequestFieldContent.Secret, SmapiRequest.MaxPasswordLength, 3);
        string? target = function.HasTarget
            ? Text(ref reader, fields, "target_identifier", codec, RequestFieldContent.Text, function.MaxTargetLength, 4)
            : null;

        var parameters = new RequestParameter[function.Extras.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            string fieldName = $"parameter_{i + 1}";
            parameters[i] = function.Extras[i] switch
            {
                ParameterKind.Text => RequestParameter.OfText(Text(ref reader, fields, fieldName, codec, RequestFieldContent.Text, SmapiRequest.MaxTextParameterLength, 5 + i)),
                ParameterKind.Int32 => RequestParameter.OfInt32(Int32(ref reader, fields, fieldName)),
                _ => RequestParameter.OfByte(Byte(ref reader, fields, fieldName)),
            };
        }

        if (!reader.AtEnd)
        {
            throw LengthMismatch($"{reader.Remaining} bytes follow the last parameter of {function.Name}");
        }

        return new DecodedRequest(function, user, password, target, parameters, fields);
    }

    // Field offsets count from the input_length word, which the body reader does not see.
    private static int Offset(in BigEndianReader reader) => 4 + reader.Position;

    private static int Int32(ref BigEndianReader reader, List<RequestField> fields, string name, RequestFieldContent content = RequestFieldContent.Number)
    {
        int offset = Offset(reader);
        if (!reader.TryReadInt32(out int value))
        {
            throw LengthMismatch($"request ends before {name}");
        }

        fields.Add(new RequestField(name, offset, 4, content));
        return value;
    }

    private static byte Byte(ref BigEndianReader reader, List<RequestField> fields, string name)
    {
        int offset = Offset(reader);
        if (!reader.TryReadByte(out byte value))
        {
            throw LengthMismatch($"request ends before {name}");
        }

        fields.Add(new RequestField(name, offset, 1, RequestFieldContent.Number));
        return value;
    }

    private static string Text(ref BigEndianReader reader, List<RequestField> fields, string name, ITextCodec codec, RequestFieldContent content, int maxLength, int parameterNumber)
    {
        int length = Int32(ref reader, fields, name + "_length", RequestFieldContent.Length);
        int offset = Offset(reader);
        if (!reader.TryReadBytes(length, out ReadOnlySpan<byte> bytes))
        {
            throw LengthMismatch($"{name} length {length} runs past the end of the request");
        }

        if (length > maxLength)
        {
            throw new SmapiRequestDecodeException(ReturnCodes.Syntax, ReturnCodes.SyntaxReason(parameterNumber, ReturnCodes.SyntaxTooLong), $"{name} is longer than {maxLength} characters");
        }

        fields.Add(new RequestField(name, offset, length, content));
        try
        {
            return codec.Decode(bytes, name);
        }
        catch (SmapiEncodingException e) when (parameterNumber == 1)
        {
            throw new SmapiRequestDecodeException(ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid, $"function name is not valid {codec.Name} text: {e.Message}");
        }
        catch (SmapiEncodingException e)
        {
            throw new SmapiRequestDecodeException(ReturnCodes.Syntax, ReturnCodes.SyntaxReason(parameterNumber, ReturnCodes.SyntaxNotAlphanumeric), e.Message);
        }
    }

    private static SmapiRequestDecodeException LengthMismatch(string detail) =>
        new(ReturnCodes.ServerError, ReturnCodes.RsLengthMismatch, detail);
}
