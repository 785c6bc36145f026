using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.Timing;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// Requests one power state for several plugs at once, then verifies it by status until the power
/// timeout. Each plug keeps its own answer, so the caller can say which plug failed and why. A
/// plug whose image is being deactivated is asked again at every poll; an activation the server
/// left unconfirmed is reissued (up to the attempts given, within the same power timeout) once
/// status shows it did not happen; a deactivation is never sent twice.
/// </summary>
public sealed class PowerDriver(IPowerDevice device, AgentOptions options, StatusPoller poller, ILogger logger, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public IReadOnlyList<PlugProgress> Drive(PowerState target, IReadOnlyList<GuestName> plugs, int attempts, CancellationToken cancellationToken)
    {
        PlugProgress[] all = plugs.Select(plug => new PlugProgress(plug)).ToArray();
        PlugProgress[] toSend = attempts > 0 ? all : [];
        while (toSend.Length > 0)
        {
            logger.LogDebug("Requesting power {Target} for {Plugs}", Words.Upper(target), string.Join(",", toSend.Select(p => p.Plug)));
            Send(target, toSend, countsAsAttempt: true, cancellationToken);
            if (options.PowerWait > TimeSpan.Zero)
            {
                Pause.For(options.PowerWait, time, cancellationToken);
            }

            PlugProgress[] watched = all.Where(p => p.NeedsVerifying(target)).ToArray();
            bool reached = watched.Length == 0 || poller.Until(
                token =>
                {
                    Send(target, watched.Where(p => p.Answer == PowerRequestResult.Busy).ToArray(), countsAsAttempt: false, token);
                    Send(target, watched.Where(p => Reissue(target, p, attempts)).ToArray(), countsAsAttempt: true, token);
                    return AllInState(target, watched, token);
                },
                cancellationToken);
            if (reached || target == PowerState.Off)
            {
                break;
            }

            // As upstream's retry_on: a power-on that timed out is requested again with a new power timeout.
            toSend = watched.Where(p => p.LastState != target && p.NeedsVerifying(target) && p.Attempts < attempts).ToArray();
        }

        return all;
    }

    /// <summary>An activation whose outcome the server left open, and status shows it did not happen.</summary>
    private static bool Reissue(PowerState target, PlugProgress plug, int attempts) =>
        target == PowerState.On && plug.Answer == PowerRequestResult.Unconfirmed && plug.LastState == PowerState.Off && plug.Attempts < attempts;

    private void Send(PowerState target, PlugProgress[] plugs, bool countsAsAttempt, CancellationToken cancellationToken)
    {
        EachPlug.Run(plugs, (plug, _) =>
        {
            if (countsAsAttempt)
            {
                plug.Attempts++;
            }

            try
            {
                plug.Answer = target == PowerState.On
                    ? device.PowerOn(plug.Plug, cancellationToken)
                    : device.PowerOff(plug.Plug, cancellationToken);
            }
            catch (FenceFailure e) when (e.IsRefusal)
            {
                plug.Answer = null;
                plug.Refusal = e;
            }
        });
    }

    private bool AllInState(PowerState target, PlugProgress[] plugs, CancellationToken cancellationToken)
    {
        EachPlug.Run(plugs, (plug, _) =>
        {
            try
            {
                plug.LastState = device.GetStatus(plug.Plug, cancellationToken);
            }
            catch (FenceFailure e) when (!e.IsRefusal)
            {
                plug.LastState = null;
                logger.LogDebug("Status query for {Plug} failed while waiting, will ask again: {Reason}", plug.Plug, e.Message);
            }
        });
        logger.LogDebug("Status of {Plugs}: {States}", string.Join(",", plugs.Select(p => p.Plug)), string.Join(",", plugs.Select(p => p.LastState is { } s ? Words.Upper(s) : "unknown")));
        return plugs.All(p => p.LastState == target);
    }
}
