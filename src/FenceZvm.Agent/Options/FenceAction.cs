namespace FenceZvm.Agent.Options;

/// <summary>The actions of the fence-agent API, in metadata order.</summary>
public enum FenceAction
{
    On,
    Off,
    Reboot,
    Status,
    List,
    ListStatus,
    Monitor,
    Metadata,
    Manpage,
    ValidateAll,
}
