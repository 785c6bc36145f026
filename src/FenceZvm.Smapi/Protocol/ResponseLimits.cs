namespace FenceZvm.Smapi.Protocol;

public static class ResponseLimits
{
    /// <summary>output_length counts request id, return code and reason code at least.</summary>
    public const int MinOutputLength = 12;

    /// <summary>The largest output_length accepted (checked before anything is allocated).</summary>
    public const int DefaultMaxOutputLength = 1024 * 1024;
}
