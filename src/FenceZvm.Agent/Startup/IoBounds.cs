using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Startup;

/// <summary>
/// The timeout of each SMAPI exchange phase (connect, send, request id, response). Upstream turns
/// its socket timeout off entirely when the fencer owns the deadline (disable_timeout, or
/// PCMK_service=pacemaker-fenced) or when shell_timeout is 0; we keep a bound even then, so a dead
/// server never holds the agent forever: a stalled exchange fails and status polling starts a new one.
/// </summary>
public static class IoBounds
{
    public static readonly TimeSpan UnboundedFallback = TimeSpan.FromSeconds(60);

    public static TimeSpan ExchangeTimeout(AgentOptions options) =>
        options.DisableTimeout || options.ShellTimeout <= TimeSpan.Zero ? UnboundedFallback : options.ShellTimeout;

    /// <summary>
    /// How long a server at its connection limit is asked again: the power timeout, or when the
    /// fencer owns the deadline the same minute IBM's client allows.
    /// </summary>
    public static TimeSpan BusyRetryBudget(AgentOptions options) =>
        options.DisableTimeout || options.PowerTimeout <= TimeSpan.Zero ? UnboundedFallback : options.PowerTimeout;
}
