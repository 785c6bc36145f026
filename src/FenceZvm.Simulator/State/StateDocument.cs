namespace FenceZvm.Simulator.State;

/// <summary>The state file: every defined guest, by name.</summary>
public sealed record StateDocument(IReadOnlyList<GuestRecord> Guests);

/// <summary>
/// One guest in the state file. State is what Image_Status_Query reports ("on" or "off");
/// Transition is "activating", "deactivating" or null. LogoffTime: when the last deactivation completed.
/// </summary>
public sealed record GuestRecord(
    string Name,
    string State,
    string? Transition,
    bool Stuck,
    DateTimeOffset? LogonTime,
    int Activations,
    int Deactivations,
    int Recycles,
    DateTimeOffset? LogoffTime);
