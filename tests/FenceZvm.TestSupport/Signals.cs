using System.Runtime.InteropServices;

namespace FenceZvm.TestSupport;

/// <summary>kill(2), so stopping a process by its PID needs no /bin/kill (procps) on the machine.</summary>
public static class Signals
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false when the process is already gone.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>Sends SIGKILL; false when the process is already gone.</summary>
    public static bool Kill(int pid) => Kill(pid, SigKill) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
