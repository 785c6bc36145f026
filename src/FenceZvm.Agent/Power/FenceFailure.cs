namespace FenceZvm.Agent.Power;

/// <summary>
/// Why a fence action failed, with upstream's message first and the cause after it, one line:
/// "Failed: Unable to obtain correct plug status or plug is not available: Image_Status_Query: RC 100 RS 16: ...".
/// </summary>
public sealed class FenceFailure(string upstreamMessage, string? cause = null, Exception? inner = null)
    : Exception(cause is null ? upstreamMessage : $"{upstreamMessage}: {cause}", inner)
{
    public const string LoginDenied = "Unable to connect/login to fencing device";
    public const string ConnectionLost = "Connection lost";
    public const string TimedOut = "Connection timed out";
    public const string WaitingOn = "Failed: Timed out waiting to power ON";
    public const string WaitingOff = "Failed: Timed out waiting to power OFF";
    public const string Status = "Failed: Unable to obtain correct plug status or plug is not available";

    public static string Refused(string action, string plug) => $"Failed: Unable to power {action} {plug}";

    /// <summary>The message scripts and upstream users know, without the cause.</summary>
    public string UpstreamMessage { get; } = upstreamMessage;

    public string? Cause { get; } = cause;

    /// <summary>The server refused a power request: final, never retried by status polling.</summary>
    public bool IsRefusal { get; init; }
}
