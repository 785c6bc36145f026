using FenceZvm.Agent.Actions;

namespace FenceZvm.Agent.Startup;

/// <summary>
/// SIGTERM and SIGINT cancel the run, which then ends within milliseconds with a failure. Where a
/// cancellation cannot reach (a read of a stdin that never ends, a write to a pipe nobody reads or to
/// a hung file system), the process is ended after a short grace, still with the failure exit code.
/// </summary>
public static class InterruptDeadline
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private static Timer? timer;

    /// <summary>Starts the grace period (once; later signals do not extend it). The timer exists only after a signal.</summary>
    public static void Arm() =>
        Interlocked.CompareExchange(ref timer, new Timer(_ => Environment.Exit(ExitCodes.Failure), null, Grace, Timeout.InfiniteTimeSpan), null);
}
