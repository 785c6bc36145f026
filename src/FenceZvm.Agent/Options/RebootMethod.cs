namespace FenceZvm.Agent.Options;

public enum RebootMethod
{
    /// <summary>Verified off, then verified on (upstream's only real method).</summary>
    OnOff,

    /// <summary>One Image_Recycle request.</summary>
    Cycle,
}
