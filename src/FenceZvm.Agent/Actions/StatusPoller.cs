using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// Verification after a power request: checks a condition every stonith_status_sleep until it holds
/// or the power timeout passes (false: a timeout is a failure). A status query that fails is logged
/// and asked again; only the deadline ends the wait. Without a deadline (disable_timeout, or
/// power_timeout 0) the caller (pacemaker-fenced) owns the deadline, as upstream.
/// </summary>
public sealed class StatusPoller(AgentOptions options, ILogger logger, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public bool HasDeadline => !options.DisableTimeout && options.PowerTimeout > TimeSpan.Zero;

    public async Task<bool> UntilAsync(Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(HasDeadline ? options.PowerTimeout : Timeout.InfiniteTimeSpan, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);

        try
        {
            while (!await HoldsAsync(condition, deadline.Token).ConfigureAwait(false))
            {
                await Task.Delay(options.StonithStatusSleep, time, deadline.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> HoldsAsync(Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken)
    {
        try
        {
            return await condition(cancellationToken).ConfigureAwait(false);
        }
        catch (FenceFailure e) when (!e.IsRefusal)
        {
            logger.LogDebug("Status query failed while waiting, will ask again: {Reason}", e.Message);
            return false;
        }
    }
}
