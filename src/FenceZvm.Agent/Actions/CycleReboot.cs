using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.Timing;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// --method=cycle: one Image_Recycle per plug (upstream advertises cycle but does on/off). A guest
/// that was not active is activated (the old C agent reported success and left it down). Success
/// only once the guest is active again and, when Image_Query_Activate_Time answers, it was seen
/// inactive since the request or its logon time has changed: a recycle that did not happen is never
/// reported as done. The logon time has one-second resolution: see <see cref="LogonSecond"/>.
/// </summary>
internal sealed class CycleReboot(IPowerDevice device, AgentOptions options, StatusPoller poller, ILogger logger)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    public void Run(IReadOnlyList<GuestName> plugs, CancellationToken cancellationToken) =>
        EachPlug.Run(plugs, (plug, _) => Cycle(plug, cancellationToken));

    private void Cycle(GuestName plug, CancellationToken cancellationToken)
    {
        PowerState state = device.GetStatus(plug, cancellationToken);
        string? logonBefore = null;
        PowerRequestResult result = PowerRequestResult.NotActive;
        if (state == PowerState.On)
        {
            logonBefore = device.GetLogonTime(plug, cancellationToken);
            var sinceRead = System.Diagnostics.Stopwatch.StartNew();
            if (LogonSecond.MayBeRecent(logonBefore, DateTimeOffset.UtcNow))
            {
                logger.LogDebug("{Plug} logged on within the last seconds: recycling one second after reading its logon time", plug);
                TimeSpan wait = OneSecond - sinceRead.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    Pause.For(wait, cancellationToken);
                }
            }

            logger.LogDebug("Recycling {Plug} (logged on {LogonTime})", plug, logonBefore ?? "at an unknown time");
            result = device.Recycle(plug, cancellationToken);
        }

        if (result == PowerRequestResult.NotActive)
        {
            logger.LogInformation("{Plug} is not active: activating it", plug);
            logonBefore = null;
            result = device.PowerOn(plug, cancellationToken);
        }

        if (result == PowerRequestResult.NotDefined)
        {
            throw new FenceFailure(FenceFailure.Status, UndefinedTarget.Describe(options, plug, UndefinedTarget.PowerRequestSaid));
        }

        bool busy = result == PowerRequestResult.Busy;
        bool sawLogoff = false;
        bool done = poller.Until(
            token =>
            {
                if (busy)
                {
                    busy = device.PowerOn(plug, token) == PowerRequestResult.Busy;
                }

                if (device.GetStatus(plug, token) != PowerState.On)
                {
                    sawLogoff = true;
                    return false;
                }

                return sawLogoff || LogonChanged(plug, logonBefore, token);
            },
            cancellationToken);
        if (!done)
        {
            string what = logonBefore is null ? "active again" : $"active with a logon time other than {logonBefore}";
            throw new FenceFailure(FenceFailure.WaitingOn, $"{plug} was not {what} within {options.PowerTimeout.TotalSeconds:0.###} s");
        }
    }

    private bool LogonChanged(GuestName plug, string? logonBefore, CancellationToken cancellationToken)
    {
        if (logonBefore is null)
        {
            return true;
        }

        string? logonNow = device.GetLogonTime(plug, cancellationToken);
        logger.LogDebug("{Plug} logged on {LogonTime}", plug, logonNow ?? "at an unknown time");
        return logonNow is not null && logonNow != logonBefore;
    }
}
