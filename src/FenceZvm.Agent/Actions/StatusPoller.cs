using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.Timing;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// Verification after a power request: checks a condition on the <see cref="PollSchedule"/> until it
/// holds or the power timeout passes (false: a timeout is a failure). A status query that fails is
/// logged and asked again; only the deadline ends the wait. Without a deadline (disable_timeout, or
/// power_timeout 0) the caller (pacemaker-fenced) owns the deadline, as upstream; the schedule is the same.
/// </summary>
public sealed class StatusPoller(AgentOptions options, ILogger logger, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public bool HasDeadline => !options.DisableTimeout && options.PowerTimeout > TimeSpan.Zero;

    /// <param name="condition">Called on this thread with a token the deadline cancels (it also ends a status query under way).</param>
    public bool Until(Func<CancellationToken, bool> condition, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HasDeadline ? options.PowerTimeout : Timeout.InfiniteTimeSpan, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        PollSchedule schedule = PollSchedule.For(options);
        long start = time.GetTimestamp();
        try
        {
            while (!Holds(condition, deadline.Token))
            {
                Pause.For(schedule.NextPause(time.GetElapsedTime(start)), time, deadline.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private bool Holds(Func<CancellationToken, bool> condition, CancellationToken cancellationToken)
    {
        try
        {
            return condition(cancellationToken);
        }
        catch (FenceFailure e) when (!e.IsRefusal)
        {
            logger.LogDebug("Status query failed while waiting, will ask again: {Reason}", e.Message);
            return false;
        }
    }
}
