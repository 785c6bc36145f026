using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// The fence-agent action flow, written once for every device (upstream fencing.py's fence_action):
/// status first; "Already ON/OFF"; otherwise request and verify by polling until the power timeout
/// (a timeout is a failure). Reboot = verified off, then on; an ON failure is only logged.
/// Several plugs are acted on concurrently; the combined status is ON if any plug is ON.
/// </summary>
public sealed class ActionRunner(IPowerDevice device, AgentOptions options, ILogger logger, TextWriter stdout)
{
    public const int ExitSuccess = 0;
    public const int ExitFailure = 1;
    public const int ExitStatusOff = 2;

    private readonly StatusPoller poller = new(options, logger);

    /// <summary>Runs the action; failures are thrown as <see cref="FenceFailure"/>.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        switch (options.Action)
        {
            case FenceAction.List or FenceAction.ListStatus:
                await ListAsync(cancellationToken).ConfigureAwait(false);
                return ExitSuccess;
            case FenceAction.Monitor:
                await device.MonitorAsync(cancellationToken).ConfigureAwait(false);
                return ExitSuccess;
            case FenceAction.Reboot when options.Method == RebootMethod.Cycle:
                await new CycleReboot(device, options, poller, logger).RunAsync(cancellationToken).ConfigureAwait(false);
                stdout.WriteLine("Success: Rebooted");
                return ExitSuccess;
        }

        PowerState status = await CombinedStatusAsync(cancellationToken).ConfigureAwait(false);
        switch (options.Action)
        {
            case FenceAction.Status:
                stdout.WriteLine($"Status: {Upper(status)}");
                return status == PowerState.On ? ExitSuccess : ExitStatusOff;
            case FenceAction.On or FenceAction.Off when Target(options.Action) == status:
                stdout.WriteLine($"Success: Already {Upper(status)}");
                return ExitSuccess;
            case FenceAction.On:
                await RequireAsync(PowerState.On, 1 + options.RetryOn, FenceFailure.WaitingOn, cancellationToken).ConfigureAwait(false);
                stdout.WriteLine("Success: Powered ON");
                return ExitSuccess;
            case FenceAction.Off:
                await RequireAsync(PowerState.Off, 1, FenceFailure.WaitingOff, cancellationToken).ConfigureAwait(false);
                stdout.WriteLine("Success: Powered OFF");
                return ExitSuccess;
            case FenceAction.Reboot:
                await RebootAsync(status, cancellationToken).ConfigureAwait(false);
                stdout.WriteLine("Success: Rebooted");
                return ExitSuccess;
            default:
                throw new InvalidOperationException($"action {options.Action} is not a device action");
        }
    }

    private static string Upper(PowerState state) => state == PowerState.On ? "ON" : "OFF";

    private async Task RebootAsync(PowerState status, CancellationToken cancellationToken)
    {
        if (status != PowerState.Off)
        {
            await RequireAsync(PowerState.Off, 1, FenceFailure.WaitingOff, cancellationToken).ConfigureAwait(false);
        }

        bool poweredOn = false;
        try
        {
            poweredOn = await SetPowerAsync(PowerState.On, options.RetryOn, cancellationToken).ConfigureAwait(false);
        }
        catch (FenceFailure e)
        {
            // As upstream: the node is fenced once it is off; a failed power-on does not fail the reboot.
            logger.LogWarning("{Reason}", e.Message);
        }

        if (!poweredOn)
        {
            logger.LogError("Timed out waiting to power ON");
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ImageEntry> images = await device.ListAsync(cancellationToken).ConfigureAwait(false);
        string separator = options.Separator;
        foreach (ImageEntry image in images)
        {
            // The alias field is always empty; list-status prints the state in lower case, as upstream.
            stdout.WriteLine(options.Action == FenceAction.List
                ? $"{image.Name}{separator}"
                : $"{image.Name}{separator}{separator}{(image.State == PowerState.On ? "on" : "off")}");
        }
    }

    private async Task<PowerState> CombinedStatusAsync(CancellationToken cancellationToken)
    {
        PowerState[] states = await Task.WhenAll(options.Plugs.Select(plug => device.GetStatusAsync(plug, cancellationToken))).ConfigureAwait(false);
        return states.Contains(PowerState.On) ? PowerState.On : PowerState.Off;
    }

    private async Task RequireAsync(PowerState target, int attempts, string timeoutMessage, CancellationToken cancellationToken)
    {
        if (!await SetPowerAsync(target, attempts, cancellationToken).ConfigureAwait(false))
        {
            throw new FenceFailure(timeoutMessage, $"{string.Join(options.PlugSeparator, options.Plugs)} did not reach {Upper(target)} within {options.PowerTimeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary>
    /// Requests <paramref name="target"/> for every plug, then verifies; true once every plug is there.
    /// Busy plugs (activate while still being deactivated) are asked again at every poll.
    /// </summary>
    private async Task<bool> SetPowerAsync(PowerState target, int attempts, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            logger.LogDebug("Requesting power {Target} for {Plugs} (attempt {Attempt} of {Attempts})", Upper(target), string.Join(",", options.Plugs), attempt, attempts);
            string[] busy = await RequestAsync(options.Plugs, target, cancellationToken).ConfigureAwait(false);
            if (options.PowerWait > TimeSpan.Zero)
            {
                await Task.Delay(options.PowerWait, cancellationToken).ConfigureAwait(false);
            }

            bool reached = await poller.UntilAsync(
                async token =>
                {
                    busy = await RequestAsync(busy, target, token).ConfigureAwait(false);
                    return await AllInStateAsync(target, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            if (reached)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Requests <paramref name="target"/> for <paramref name="plugs"/> concurrently; returns the busy ones.</summary>
    private async Task<string[]> RequestAsync(IReadOnlyList<string> plugs, PowerState target, CancellationToken cancellationToken)
    {
        PowerRequestResult[] results = await Task.WhenAll(plugs.Select(plug => target == PowerState.On
            ? device.PowerOnAsync(plug, cancellationToken)
            : device.PowerOffAsync(plug, cancellationToken))).ConfigureAwait(false);
        return plugs.Where((_, i) => results[i] == PowerRequestResult.Busy).ToArray();
    }

    private async Task<bool> AllInStateAsync(PowerState target, CancellationToken cancellationToken)
    {
        PowerState[] states = await Task.WhenAll(options.Plugs.Select(plug => device.GetStatusAsync(plug, cancellationToken))).ConfigureAwait(false);
        logger.LogDebug("Status of {Plugs}: {States}", string.Join(",", options.Plugs), string.Join(",", states.Select(Upper)));
        return states.All(s => s == target);
    }

    private static PowerState? Target(FenceAction action) => action switch
    {
        FenceAction.On => PowerState.On,
        FenceAction.Off => PowerState.Off,
        _ => null,
    };
}
