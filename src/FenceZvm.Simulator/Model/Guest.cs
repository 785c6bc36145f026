namespace FenceZvm.Simulator.Model;

/// <summary>One guest's mutable state; guarded by the owning <see cref="ZvmSystem"/>'s lock.</summary>
internal sealed class Guest(GuestDefinition definition, DateTimeOffset now)
{
    public string Name { get; } = definition.Name;

    public bool Stuck { get; } = definition.Stuck;

    public GuestState State { get; private set; } = definition.Active ? GuestState.On : GuestState.Off;

    /// <summary>
    /// Guests active when the simulation starts logged on an hour earlier, as on a running system,
    /// so a recycle right after start-up still changes the (second-resolution) logon time.
    /// </summary>
    public DateTimeOffset? LogonTime { get; private set; } = definition.Active ? now - TimeSpan.FromHours(1) : null;

    /// <summary>
    /// When the last deactivation completed or a recycle logged the guest off (the real logoff, which
    /// Image_Status_Query shows from then on); null until one has. With <see cref="LogonTime"/> it lets a test measure how long after the change a
    /// client reported it.
    /// </summary>
    public DateTimeOffset? LogoffTime { get; private set; }

    /// <summary>When the current transition completes; null while stable or stuck.</summary>
    public DateTimeOffset? PendingUntil { get; private set; }

    public int Activations { get; private set; }

    public int Deactivations { get; private set; }

    public int Recycles { get; private set; }

    public int StatusQueries { get; private set; }

    /// <summary>Completes a transition whose time has come; true when the state changed.</summary>
    public bool Settle(DateTimeOffset now)
    {
        if (PendingUntil is not { } until || now < until)
        {
            return false;
        }

        PendingUntil = null;
        if (State == GuestState.Activating)
        {
            State = GuestState.On;
            LogonTime = until;
        }
        else if (State == GuestState.Deactivating)
        {
            State = GuestState.Off;
            LogonTime = null;
            LogoffTime = until;
        }

        return true;
    }

    public void BeginActivate(DateTimeOffset now, TimeSpan delay)
    {
        Activations++;
        State = GuestState.Activating;
        PendingUntil = now + delay;
        Settle(now);
    }

    public void BeginDeactivate(DateTimeOffset now, TimeSpan delay)
    {
        Deactivations++;
        State = GuestState.Deactivating;
        PendingUntil = Stuck ? null : now + delay;
        Settle(now);
    }

    /// <summary>
    /// Logs the guest off at once and on again after <paramref name="delay"/>, showing it inactive
    /// meanwhile. The new logon time is later than the request even without a delay (by one tick).
    /// </summary>
    public void Recycle(DateTimeOffset now, TimeSpan delay)
    {
        Recycles++;
        if (Stuck)
        {
            return;
        }

        LogoffTime = now;
        if (delay > TimeSpan.Zero)
        {
            State = GuestState.Activating;
            LogonTime = null;
            PendingUntil = now + delay;
            return;
        }

        State = GuestState.On;
        PendingUntil = null;
        LogonTime = now + TimeSpan.FromTicks(1);
    }

    public void CountStatusQuery() => StatusQueries++;

    public GuestSnapshot Snapshot() => new(Name, State, Stuck, LogonTime, Activations, Deactivations, Recycles, LogoffTime, StatusQueries);
}
