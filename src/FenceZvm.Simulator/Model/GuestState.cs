namespace FenceZvm.Simulator.Model;

public enum GuestState
{
    Off,

    /// <summary>Activation accepted; status still shows inactive until the activate delay passes.</summary>
    Activating,

    On,

    /// <summary>Deactivation accepted; status still shows active until the deactivate delay passes (forever when stuck).</summary>
    Deactivating,
}
