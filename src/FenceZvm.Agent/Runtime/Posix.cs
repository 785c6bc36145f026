using System.Runtime.InteropServices;

namespace FenceZvm.Agent.Runtime;

/// <summary>The few libc calls of the agent itself; NativeAOT binds "libc" at link time (DirectPInvoke).</summary>
internal static partial class Posix
{
    private const int SigKill = 9;
    private const int FGetFd = 1;
    private const int FdCloexec = 1;
    private const int EIntr = 4;
    private const int EAgain = 11;
    private const short PollOut = 4;

    /// <summary>SIGKILL to every process of the group led by <paramref name="leader"/>; a group already gone is no error.</summary>
    public static void KillGroup(int leader) => _ = Kill(-leader, SigKill);

    /// <summary>
    /// Whether <paramref name="fd"/> (0-2) is a stream the agent was started with. One that was closed
    /// (>&amp;-) is either still closed or was taken by the runtime for a pipe of its own, which is
    /// close-on-exec as nothing inherited can be: using it would disturb the runtime's signal handling.
    /// </summary>
    public static bool IsInherited(int fd) => Fcntl(fd, FGetFd) is var flags && flags >= 0 && (flags & FdCloexec) == 0;

    /// <summary>setenv(3) without overwriting: a value the environment already has is kept.</summary>
    public static void SetUnlessSet(string name, string value) => _ = SetEnv(name, value, 0);

    /// <summary>
    /// All of <paramref name="bytes"/> to <paramref name="fd"/>: written again after a partial write or a
    /// signal, and after waiting where the descriptor was handed over non-blocking. Any other failure
    /// (EPIPE, ENOSPC, EBADF) is an IOException.
    /// </summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            nint written = Write(fd, bytes, (nuint)bytes.Length);
            if (written >= 0)
            {
                bytes = bytes[(int)written..];
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == EAgain)
            {
                var wait = new PollFd { Fd = fd, Events = PollOut };
                _ = Poll(ref wait, 1, -1);
            }
            else if (errno != EIntr)
            {
                throw new IOException($"writing to descriptor {fd} failed (errno {errno})", errno);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(ref PollFd fd, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int command);
}
