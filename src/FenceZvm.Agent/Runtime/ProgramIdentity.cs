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

    /// <summary>
    /// argv[0] as the caller wrote it. /proc/self/cmdline keeps a symlink's name (fence_zvm) even where
    /// the framework-dependent launcher (s390x builds) resolves the symlink before the program starts.
    /// </summary>
    public static string InvokedAs()
    {
        try
        {
            byte[] cmdline = File.ReadAllBytes("/proc/self/cmdline");
            int end = Array.IndexOf(cmdline, (byte)0);
            if (end > 0)
            {
                return System.Text.Encoding.UTF8.GetString(cmdline, 0, end);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return Environment.GetCommandLineArgs()[0];
    }

    /// <summary>The project's Version property, written into a constant at build time.</summary>
    public static string Version => ProgramVersion.Text;
}
