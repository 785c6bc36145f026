using System.Collections.Frozen;

namespace FenceZvm.Simulator.Model;

/// <summary>
/// The simulated z/VM system: defined guests, their states and transitions, and the SMAPI users.
/// Thread-safe; <see cref="Changed"/> is raised (outside the lock) after every state change,
/// including a delayed transition completing on its own. A transition whose time has come completes
/// when anything first looks at the guest (it need not wait for its timer), and that look raises
/// <see cref="Changed"/> before it returns, so a client never sees a guest off before those who follow
/// its power (the guest hook) have heard of it.
/// </summary>
public sealed class ZvmSystem : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Guest> guests = new(StringComparer.Ordinal);
    private readonly List<ITimer> timers = [];
    private readonly FrozenDictionary<string, SmapiUser> users;
    private readonly TimeProvider time;
    private bool disposed;
    private bool settledUnannounced;

    public ZvmSystem(IEnumerable<GuestDefinition> guestDefinitions, IEnumerable<SmapiUser> smapiUsers, TimeSpan activateDelay = default, TimeSpan deactivateDelay = default, TimeProvider? timeProvider = null, TimeSpan recycleDelay = default)
    {
        time = timeProvider ?? TimeProvider.System;
        ActivateDelay = activateDelay;
        DeactivateDelay = deactivateDelay;
        RecycleDelay = recycleDelay;
        DateTimeOffset now = time.GetUtcNow();
        foreach (GuestDefinition definition in guestDefinitions)
        {
            if (!guests.TryAdd(definition.Name, new Guest(definition, now)))
            {
                throw new SimulatorConfigException($"guest {definition.Name} is defined twice");
            }
        }

        var byName = new Dictionary<string, SmapiUser>(StringComparer.Ordinal);
        foreach (SmapiUser user in smapiUsers)
        {
            if (!byName.TryAdd(user.Name, user))
            {
                throw new SimulatorConfigException($"user {user.Name} is defined twice");
            }
        }

        users = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public event Action? Changed;

    public TimeSpan ActivateDelay { get; }

    public TimeSpan DeactivateDelay { get; }

    /// <summary>When above <see cref="DeactivateDelay"/>: each deactivation takes a random time between the two.</summary>
    public TimeSpan DeactivateDelayMax { get; init; }

    /// <summary>From a recycle request to the new logon; the guest shows inactive meanwhile.</summary>
    public TimeSpan RecycleDelay { get; }

    public SmapiUser? FindUser(string name) => users.GetValueOrDefault(name);

    public Outcome Activate(string name) => Change(name, guest => guest.State switch
    {
        GuestState.Off => Begin(guest, g => g.BeginActivate(time.GetUtcNow(), ActivateDelay), ActivateDelay),
        GuestState.Deactivating => Outcome.BeingDeactivated,
        _ => Outcome.AlreadyActive,
    });

    /// <param name="within">A WITHIN n force time: the guest is gone after that long instead of the deactivate delay.</param>
    public Outcome Deactivate(string name, TimeSpan? within = null)
    {
        TimeSpan delay = within ?? NextDeactivateDelay();
        return Change(name, guest => guest.State switch
        {
            GuestState.Off => Outcome.NotActive,
            GuestState.Deactivating => Outcome.BeingDeactivated,
            _ => Begin(guest, g => g.BeginDeactivate(time.GetUtcNow(), delay), delay),
        });
    }

    public Outcome Recycle(string name) => Change(name, guest => guest.State switch
    {
        GuestState.Off => Outcome.NotActive,
        GuestState.Deactivating => Outcome.BeingDeactivated,
        _ => Begin(guest, g => g.Recycle(time.GetUtcNow(), RecycleDelay), RecycleDelay),
    });

    /// <summary>The guest as it is now, or null when it is not defined.</summary>
    public GuestSnapshot? Find(string name)
    {
        GuestSnapshot? snapshot;
        lock (gate)
        {
            snapshot = Settled(name)?.Snapshot();
        }

        AnnounceSettled();
        return snapshot;
    }

    /// <summary>The guest as Image_Status_Query sees it now, counting the query; null when it is not defined.</summary>
    public GuestSnapshot? QueryStatus(string name)
    {
        GuestSnapshot? snapshot;
        lock (gate)
        {
            Guest? guest = Settled(name);
            guest?.CountStatusQuery();
            snapshot = guest?.Snapshot();
        }

        AnnounceSettled();
        return snapshot;
    }

    /// <summary>Every guest as it is now. Completes due transitions without raising <see cref="Changed"/>
    /// (the guest hook reads the system here from inside its handler); the next look or the
    /// transition's timer announces them.</summary>
    public IReadOnlyList<GuestSnapshot> Snapshot()
    {
        lock (gate)
        {
            return guests.Values.Select(g => Settled(g.Name)!.Snapshot()).OrderBy(g => g.Name, StringComparer.Ordinal).ToArray();
        }
    }

    public IReadOnlyList<string> ActiveGuests() => Snapshot().Where(g => g.Active).Select(g => g.Name).ToArray();

    public IReadOnlyList<string> DefinedGuests() => Snapshot().Select(g => g.Name).ToArray();

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (ITimer timer in timers)
            {
                timer.Dispose();
            }

            timers.Clear();
        }
    }

    private Outcome Change(string name, Func<Guest, Outcome> operation)
    {
        Outcome outcome;
        lock (gate)
        {
            Guest? guest = Settled(name);
            outcome = guest is null ? Outcome.NotFound : operation(guest);
        }

        if (outcome.Succeeded)
        {
            lock (gate)
            {
                settledUnannounced = false;
            }

            Changed?.Invoke();
        }
        else
        {
            AnnounceSettled();
        }

        return outcome;
    }

    private TimeSpan NextDeactivateDelay() => DeactivateDelayMax > DeactivateDelay
        ? DeactivateDelay + ((DeactivateDelayMax - DeactivateDelay) * Random.Shared.NextDouble())
        : DeactivateDelay;

    private Outcome Begin(Guest guest, Action<Guest> start, TimeSpan delay)
    {
        start(guest);
        if (guest.PendingUntil is not null && delay > TimeSpan.Zero && !disposed)
        {
            DateTimeOffset until = guest.PendingUntil.Value;
            ITimer? timer = null;
            timer = time.CreateTimer(_ => Complete(guest.Name, until, timer), null, delay, Timeout.InfiniteTimeSpan);
            timers.Add(timer);
        }

        return Outcome.Ok;
    }

    private void Complete(string name, DateTimeOffset until, ITimer? timer)
    {
        bool changed;
        lock (gate)
        {
            // Also when a look completed the transition first without announcing it (Snapshot).
            changed = guests.TryGetValue(name, out Guest? guest) && ((guest.PendingUntil == until && guest.Settle(until)) || settledUnannounced);
            settledUnannounced = false;
            if (timer is not null)
            {
                timers.Remove(timer);
                timer.Dispose();
            }
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    private Guest? Settled(string name)
    {
        if (!guests.TryGetValue(name, out Guest? guest))
        {
            return null;
        }

        if (guest.Settle(time.GetUtcNow()))
        {
            settledUnannounced = true;
        }

        return guest;
    }

    /// <summary>Raises <see cref="Changed"/> (outside the lock) when a look completed a transition.</summary>
    private void AnnounceSettled()
    {
        bool announce;
        lock (gate)
        {
            announce = settledUnannounced;
            settledUnannounced = false;
        }

        if (announce)
        {
            Changed?.Invoke();
        }
    }
}
