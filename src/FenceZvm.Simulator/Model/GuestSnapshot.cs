namespace FenceZvm.Simulator.Model;

/// <summary>
/// One guest at one moment. <see cref="Active"/> is what Image_Status_Query reports; <see cref="LogoffTime"/>
/// is when the last deactivation completed, <see cref="StatusQueries"/> how many Image_Status_Query calls named it.
/// </summary>
public sealed record GuestSnapshot(
    string Name,
    GuestState State,
    bool Stuck,
    DateTimeOffset? LogonTime,
    int Activations,
    int Deactivations,
    int Recycles,
    DateTimeOffset? LogoffTime = null,
    int StatusQueries = 0)
{
    public bool Active => State is GuestState.On or GuestState.Deactivating;
}
