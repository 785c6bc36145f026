using FenceZvm.Smapi.Functions;

namespace FenceZvm.Agent.Device;

public sealed record SmapiPowerDeviceOptions
{
    public ForceTime ForceTime { get; init; } = ForceTime.Immediate;

    /// <summary>
    /// Target of Image_Name_Query_DM and Query_API_Functional_Level: ignored by the server but
    /// authorized. Upstream sends its own user name; over IUCV there is none.
    /// </summary>
    public string NameQueryTarget { get; init; } = "FOOBAR";

    /// <summary>Monitor with Query_API_Functional_Level (fence_zvm) instead of Check_Authentication.</summary>
    public bool MonitorWithFunctionalLevel { get; init; }
}
