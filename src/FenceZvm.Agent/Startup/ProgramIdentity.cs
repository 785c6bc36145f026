using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Startup;

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
    /// argv[0] as the caller wrote it. The launcher of the framework-dependent build (s390x) puts the
    /// path of the .dll there, after resolving a symlink (fence_zvm); /proc/self/cmdline still has the
    /// caller's. The NativeAOT binary is given argv[0] unchanged, and reads no file for it.
    /// </summary>
    public static string InvokedAs()
    {
        string reported = Environment.GetCommandLineArgs()[0];
        if (!reported.EndsWith(".dll", StringComparison.Ordinal))
        {
            return reported;
        }

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

        return reported;
    }

    /// <summary>The project's Version property, written into a constant at build time.</summary>
    public static string Version => ProgramVersion.Text;
}
