using System.Runtime.InteropServices;

namespace FenceZvm.Agent.Runtime;

/// <summary>kill(2) of a whole process group; NativeAOT binds "libc" at link time (DirectPInvoke).</summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>SIGKILL to every process of the group led by <paramref name="leader"/>; a group already gone is no error.</summary>
    public static void Kill(int leader) => _ = KillNative(-leader, SigKill);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int KillNative(int pid, int signal);
}
