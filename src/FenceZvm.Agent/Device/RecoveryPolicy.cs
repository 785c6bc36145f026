namespace FenceZvm.Agent.Device;

/// <summary>
/// How a lost response is asked for again: IBM's client pauses 2 s and tries up to 8 times; a
/// fence cannot wait that long, so the pause is short and the attempts fit in one exchange timeout.
/// </summary>
public sealed record RecoveryPolicy(TimeSpan Pause, int Attempts)
{
    public static RecoveryPolicy Default { get; } = new(TimeSpan.FromMilliseconds(500), 4);
}
