using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// The pauses between status calls while a power change is awaited. The first call always follows the
/// request at once. A stonith_status_sleep given by the user is then the pause every time, as upstream.
/// Without one, the second call comes 0.2 s later and the next ones every 0.1 s until
/// <see cref="QuickPhase"/> has been waited, so a guest that logs off within seconds is seen about
/// 0.1 s after it went; after that the pauses grow by half each time up to stonith_status_sleep's
/// default, as a guest still going after seconds is in a slow shutdown where a second matters less
/// than the load on SMAPI. Every call but the first is preceded by at least 0.1 s of waiting per call
/// (the 0.2 s covers the first), so a wait of any length sends at most 10 calls per second of it.
/// </summary>
public sealed class PollSchedule
{
    public static readonly TimeSpan QuickPause = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan QuickPhase = TimeSpan.FromSeconds(3);
    private const double Growth = 1.5;

    private readonly TimeSpan? fixedPause;
    private readonly TimeSpan ceiling;
    private TimeSpan? previous;

    private PollSchedule(TimeSpan? fixedPause, TimeSpan ceiling)
    {
        this.fixedPause = fixedPause;
        this.ceiling = ceiling;
    }

    /// <summary>A new schedule for one wait (each wait, and each half of a reboot, starts quick again).</summary>
    public static PollSchedule For(AgentOptions options) =>
        new(options.StonithStatusSleepGiven ? options.StonithStatusSleep : null, options.StonithStatusSleep);

    /// <summary>The pause before the next status call, <paramref name="waited"/> after the first one was sent.</summary>
    public TimeSpan NextPause(TimeSpan waited)
    {
        if (fixedPause is { } pause)
        {
            return pause;
        }

        TimeSpan next = previous switch
        {
            null => 2 * QuickPause,
            not null when waited < QuickPhase => QuickPause,
            { } last => TimeSpan.FromTicks(Math.Min((long)(last.Ticks * Growth), Math.Max(ceiling.Ticks, QuickPause.Ticks))),
        };
        previous = next;
        return next;
    }
}
