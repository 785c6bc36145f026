namespace FenceZvm.Smapi.Functions;

/// <summary>
/// The name array of Image_Status_Query (active images) and Image_Name_Query_DM (defined images):
/// int4 array length, then repeated int4 name length + name.
/// </summary>
public static class ImageNameList
{
    public static IReadOnlyList<string> Parse(SmapiFunction function, SmapiResponse response, ITextCodec codec)
    {
        if (response.Output.IsEmpty)
        {
            return [];
        }

        var reader = new OutputReader(response.Output.Span, function.Name);
        int arrayLength = reader.ReadLength("name array length");
        var array = new OutputReader(reader.ReadBytes(arrayLength, "name array"), function.Name);
        var names = new List<string>();
        while (!array.AtEnd)
        {
            names.Add(array.ReadString(codec, "image name", 1, SmapiLimits.GuestName));
        }

        return names;
    }

    /// <summary>The output bytes for a list of names (simulator, tests).</summary>
    public static byte[] Build(IEnumerable<string> names, ITextCodec codec)
    {
        var array = new OutputWriter(codec);
        foreach (string name in names)
        {
            array.String(name);
        }

        return new OutputWriter(codec).Nested(array).ToArray();
    }
}
