using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// Reads a framed request back into its fields, as a SMAPI server does, by walking the function's
/// <see cref="RequestLayout"/>. Failures carry the return and reason code the server answers with:
/// 900/20 when the lengths do not add up, 900/12 for an unknown (or undecodable) function name,
/// 24/(n*100+13) for a field that is too long.
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

        string name = Read(ref reader, fields, RequestLayout.FunctionName, codec).Text!;
        if (!SmapiFunctions.TryGet(name, out SmapiFunction function))
        {
            throw new SmapiRequestDecodeException(ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid, $"function '{name}' does not exist");
        }

        var values = new RequestParameter[function.Layout.Count];
        for (int i = 1; i < values.Length; i++)
        {
            values[i] = Read(ref reader, fields, function.Layout[i], codec);
        }

        if (!reader.AtEnd)
        {
            throw LengthMismatch($"{reader.Remaining} bytes follow the last parameter of {function.Name}");
        }

        return new DecodedRequest(
            function,
            values[RequestLayout.UserSlot].Text!,
            values[RequestLayout.PasswordSlot].Text!,
            function.HasTarget ? values[RequestLayout.TargetSlot].Text : null,
            values[function.FirstExtraSlot..],
            fields);
    }

    // Field offsets count from the input_length word, which the body reader does not see.
    private static int Offset(in BigEndianReader reader) => 4 + reader.Position;

    private static RequestParameter Read(ref BigEndianReader reader, List<RequestField> fields, RequestSlot slot, ITextCodec codec) => slot.Kind switch
    {
        ParameterKind.Text => RequestParameter.OfText(Text(ref reader, fields, slot, codec)),
        ParameterKind.Int32 => RequestParameter.OfInt32(Int32(ref reader, fields, slot.Name, RequestFieldContent.Number)),
        _ => RequestParameter.OfByte(Byte(ref reader, fields, slot.Name)),
    };

    private static int Int32(ref BigEndianReader reader, List<RequestField> fields, string name, RequestFieldContent content)
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

    private static string Text(ref BigEndianReader reader, List<RequestField> fields, RequestSlot slot, ITextCodec codec)
    {
        string name = slot.Name;
        int length = Int32(ref reader, fields, name + "_length", RequestFieldContent.Length);
        int offset = Offset(reader);
        if (!reader.TryReadBytes(length, out ReadOnlySpan<byte> bytes))
        {
            throw LengthMismatch($"{name} length {length} runs past the end of the request");
        }

        if (length > slot.MaxLength)
        {
            throw new SmapiRequestDecodeException(ReturnCodes.Syntax, ReturnCodes.SyntaxReason(slot.Number, ReturnCodes.SyntaxTooLong), $"{name} is longer than {slot.MaxLength} characters");
        }

        fields.Add(new RequestField(name, offset, length, slot.Secret ? RequestFieldContent.Secret : RequestFieldContent.Text));
        try
        {
            return codec.Decode(bytes, name);
        }
        catch (SmapiEncodingException e) when (ReferenceEquals(slot, RequestLayout.FunctionName))
        {
            throw new SmapiRequestDecodeException(ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid, $"function name is not valid {codec.Name} text: {e.Message}");
        }
        catch (SmapiEncodingException e)
        {
            throw new SmapiRequestDecodeException(ReturnCodes.Syntax, ReturnCodes.SyntaxReason(slot.Number, ReturnCodes.SyntaxNotAlphanumeric), e.Message);
        }
    }

    private static SmapiRequestDecodeException LengthMismatch(string detail) =>
        new(ReturnCodes.ServerError, ReturnCodes.RsLengthMismatch, detail);
}
