namespace FenceZvm.Smapi.Functions;

/// <summary>What <see cref="ImageQueryActivateTime"/> answers: the image's logon date and time as text.</summary>
public sealed record ActivationTime(string Image, string Date, string Time)
{
    public override string ToString() => $"{Image} {Date} {Time}";
}
