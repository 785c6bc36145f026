namespace FenceZvm.Agent.Options;

/// <summary>Which agent the binary is acting as, chosen by the name it was invoked under.</summary>
public enum AgentFlavor
{
    /// <summary>fence_zvmip: SMAPI over TCP/IP (optionally TLS).</summary>
    Zvmip,

    /// <summary>fence_zvm: SMAPI over AF_IUCV.</summary>
    Zvm,
}
