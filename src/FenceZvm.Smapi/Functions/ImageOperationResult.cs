namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Output of Image_Activate, Image_Deactivate and Image_Recycle: how many images succeeded and
/// failed, and the failing array. A response with no output (output_length 12) has zero counts.
/// </summary>
public sealed record ImageOperationResult(SmapiResponse Response, int Succeeded, int Failed, IReadOnlyList<FailingImage> FailingImages)
{
    public static ImageOperationResult Parse(SmapiFunction function, SmapiResponse response, ITextCodec codec)
    {
        if (response.Output.IsEmpty)
        {
            return new ImageOperationResult(response, 0, 0, []);
        }

        var reader = new OutputReader(response.Output.Span, function.Name);
        int succeeded = reader.ReadInt32("succeeded count");
        int failed = reader.ReadInt32("failed count");
        if (reader.AtEnd)
        {
            return new ImageOperationResult(response, succeeded, failed, []);
        }

        int arrayLength = reader.ReadLength("failing array length");
        var array = new OutputReader(reader.ReadBytes(arrayLength, "failing array"), function.Name);
        var failing = new List<FailingImage>();
        while (!array.AtEnd)
        {
            int entryLength = array.ReadLength("failing entry length");
            var entry = new OutputReader(array.ReadBytes(entryLength, "failing entry"), function.Name);
            string name = entry.ReadString(codec, "failing image name", 1, SmapiLimits.GuestName);
            failing.Add(new FailingImage(name, entry.ReadInt32("failing image return code"), entry.ReadInt32("failing image reason code")));
        }

        return new ImageOperationResult(response, succeeded, failed, failing);
    }

    /// <summary>The output bytes the server sends (simulator, tests): the counts, then one entry per failed image.</summary>
    public static byte[] Build(int succeeded, IReadOnlyList<FailingImage> failing, ITextCodec codec)
    {
        var array = new OutputWriter(codec);
        foreach (FailingImage image in failing)
        {
            array.Nested(new OutputWriter(codec).String(image.Name).Int32(image.ReturnCode).Int32(image.ReasonCode));
        }

        return new OutputWriter(codec).Int32(succeeded).Int32(failing.Count).Nested(array).ToArray();
    }
}
