using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Smapi.Functions;

/// <summary>Output of Image_Query_Activate_Time: the image's logon date and time as text.</summary>
public sealed record ActivationTime(string Image, string Date, string Time)
{
    /// <summary>Date format 4: yyyy-mm-dd.</summary>
    public const byte IsoDateFormat = 4;

    public static ActivationTime Parse(SmapiResponse response, ITextCodec codec)
    {
        var reader = new OutputReader(response.Output.Span, SmapiFunction.ImageQueryActivateTime.Name);
        string image = reader.ReadString(codec, "image name", 1, 8);
        string date = reader.ReadString(codec, "activation date", 8, 10);
        string time = reader.ReadString(codec, "activation time", 8, 8);
        return new ActivationTime(image, date, time);
    }

    public override string ToString() => $"{Image} {Date} {Time}";
}
