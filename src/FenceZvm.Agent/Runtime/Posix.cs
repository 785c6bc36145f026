using System.Runtime.InteropServices;

namespace FenceZvm.Agent.Runtime;

/// <summary>The few libc calls of the agent itself; NativeAOT binds "libc" at link time (DirectPInvoke).</summary>
internal static unsafe partial class Posix
{
    public const int EIntr = 4;
    public const int EAgain = 11;

    private const int SigKill = 9;
    private const int SigXfsz = 25;
    private const int SeekCur = 1;
    private const short PollInEvent = 0x001;
    private const short PollOutEvent = 0x004;
    private const int FGetFd = 1;
    private const int FdCloexec = 1;

    /// <summary>SIGKILL to every process of the group led by <paramref name="leader"/>; a group already gone is no error.</summary>
    public static void KillGroup(int leader) => _ = Kill(-leader, SigKill);

    /// <summary>
    /// Whether <paramref name="fd"/> (0-2) is a stream the agent was started with. One that was closed
    /// (>&amp;-) is either still closed or was taken by the runtime for a pipe of its own, which is
    /// close-on-exec as nothing inherited can be: using it would disturb the runtime's signal handling.
    /// </summary>
    public static bool IsInherited(int fd) => Fcntl(fd, FGetFd) is var flags && flags >= 0 && (flags & FdCloexec) == 0;

    /// <summary>Whether <paramref name="fd"/> is an open descriptor.</summary>
    public static bool IsOpen(int fd) => Fcntl(fd, FGetFd) >= 0;

    /// <summary>
    /// Ignores SIGXFSZ, as Python (upstream) does: a write past the file size limit (ulimit -f) then fails
    /// with EFBIG, which the log targets handle, instead of the signal ending the process mid-fence.
    /// </summary>
    public static void IgnoreFileSizeSignal() => _ = Signal(SigXfsz, 1 /* SIG_IGN */);

    /// <summary>setenv(3) without overwriting: a value the environment already has is kept.</summary>
    public static void SetUnlessSet(string name, string value) => _ = SetEnv(name, value, 0);

    /// <summary>Whether <paramref name="fd"/> can seek: false for pipes, sockets and terminals, the descriptors a write may wait on.</summary>
    public static bool CanSeek(int fd) => LSeek(fd, 0, SeekCur) >= 0;

    /// <summary>write(2): the bytes written, or -1 with the error in Marshal.GetLastPInvokeError.</summary>
    public static int Write(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            return (int)WriteBytes(fd, p, (nuint)bytes.Length);
        }
    }

    /// <summary>read(2): the bytes read (0 at the end), or -1 with the error in Marshal.GetLastPInvokeError.</summary>
    public static int Read(int fd, Span<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            return (int)ReadBytes(fd, p, (nuint)bytes.Length);
        }
    }

    /// <summary>poll(2) for room to write on one descriptor: &gt; 0 ready (or in error), 0 timed out, -1 failed.</summary>
    public static int PollOut(int fd, int milliseconds) => PollOne(fd, PollOutEvent, milliseconds);

    /// <summary>poll(2) for data to read (or the end) on one descriptor: &gt; 0 ready, 0 timed out, -1 failed.</summary>
    public static int PollIn(int fd, int milliseconds) => PollOne(fd, PollInEvent, milliseconds);

    private static int PollOne(int fd, short events, int milliseconds)
    {
        var entry = new PollFd { Fd = fd, Events = events };
        return Poll(&entry, 1, milliseconds);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int command);

    [LibraryImport("libc", EntryPoint = "lseek")]
    private static partial long LSeek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadBytes(int fd, byte* bytes, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteBytes(int fd, byte* bytes, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollFd* fds, nuint count, int milliseconds);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
