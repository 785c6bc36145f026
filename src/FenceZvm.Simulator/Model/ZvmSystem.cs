using System.Collections.Frozen;

namespace FenceZvm.Simulator.Model;

/// <summary>
/// The simulated z/VM system: defined guests, their states and transitions, and the SMAPI users.
/// Thread-safe; <see cref="Changed"/> is raised (outside the lock) after every state change,
/// including a delayed transition completing on its own.
/// </summary>
public sealed class ZvmSystem : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Guest> guests = new(StringComparer.Ordinal);
    private readonly List<ITimer> timers = [];
    private readonly FrozenDictionary<string, SmapiUser> users;
    private readonly TimeProvider time;
    private bool disposed;

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
        lock (gate)
        {
            return Settled(name)?.Snapshot();
        }
    }

    /// <summary>The guest as Image_Status_Query sees it now, counting the query; null when it is not defined.</summary>
    public GuestSnapshot? QueryStatus(string name)
    {
        lock (gate)
        {
            Guest? guest = Settled(name);
            guest?.CountStatusQuery();
            return guest?.Snapshot();
        }
    }

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
            Changed?.Invoke();
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
            changed = guests.TryGetValue(name, out Guest? guest) && guest.PendingUntil == until && guest.Settle(until);
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

        guest.Settle(time.GetUtcNow());
        return guest;
    }
}
