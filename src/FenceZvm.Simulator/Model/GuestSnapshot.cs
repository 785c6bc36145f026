namespace FenceZvm.Simulator.Model;

/// <summary>One guest at one moment. <see cref="Active"/> is what Image_Status_Query reports.</summary>
public sealed record GuestSnapshot(
    string Name,
    GuestState State,
    bool Stuck,
    DateTimeOffset? LogonTime,
    int Activations,
    int Deactivations,
    int Recycles)
{
    public bool Active => State is GuestState.On or GuestState.Deactivating;
}
