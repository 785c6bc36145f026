namespace FenceZvm.Smapi.Functions;

/// <summary>What <see cref="ImageQueryActivateTime"/> answers: the image's logon date and time as text.</summary>
public sealed record ActivationTime(string Image, string Date, string Time)
{
    public static ActivationTime Parse(SmapiResponse response, ITextCodec codec)
    {
        var reader = new OutputReader(response.Output.Span, ImageQueryActivateTime.WireName);
        string image = reader.ReadString(codec, "image name", 1, SmapiLimits.GuestName);
        string date = reader.ReadString(codec, "activation date", 8, 10);
        string time = reader.ReadString(codec, "activation time", 8, 8);
        return new ActivationTime(image, date, time);
    }

    /// <summary>The output bytes the server sends (simulator, tests).</summary>
    public byte[] Build(ITextCodec codec) => new OutputWriter(codec).String(Image).String(Date).String(Time).ToArray();

    public override string ToString() => $"{Image} {Date} {Time}";
}
