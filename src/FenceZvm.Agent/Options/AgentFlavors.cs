namespace FenceZvm.Agent.Options;

/// <summary>Which agents offer an option.</summary>
[Flags]
public enum AgentFlavors
{
    Zvmip = 1,
    Zvm = 2,
    Both = Zvmip | Zvm,
}

public static class AgentFlavorExtensions
{
    public static AgentFlavors ToMask(this AgentFlavor flavor) =>
        flavor == AgentFlavor.Zvm ? AgentFlavors.Zvm : AgentFlavors.Zvmip;

    public static string AgentName(this AgentFlavor flavor) =>
        flavor == AgentFlavor.Zvm ? "fence_zvm" : "fence_zvmip";
}
