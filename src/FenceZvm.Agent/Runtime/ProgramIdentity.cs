using System.Reflection;
using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Runtime;

/// <summary>Which agent the binary acts as: fence_zvm when invoked under a name starting so (and not fence_zvmip).</summary>
public static class ProgramIdentity
{
    public static AgentFlavor FlavorOf(string invokedAs)
    {
        string name = Path.GetFileName(invokedAs);
        return name.StartsWith("fence_zvm", StringComparison.Ordinal) && !name.StartsWith("fence_zvmip", StringComparison.Ordinal)
            ? AgentFlavor.Zvm
            : AgentFlavor.Zvmip;
    }

    public static string Version { get; } =
        typeof(ProgramIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
