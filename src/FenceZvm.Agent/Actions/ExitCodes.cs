namespace FenceZvm.Agent.Actions;

/// <summary>The exit statuses cluster software reads from a fence agent.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>The status action's answer for a guest that is off.</summary>
    public const int StatusOff = 2;
}
