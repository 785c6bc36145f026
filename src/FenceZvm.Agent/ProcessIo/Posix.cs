using System.Runtime.InteropServices;

namespace FenceZvm.Agent.ProcessIo;

/// <summary>The few libc calls of the agent itself; NativeAOT binds "libc" at link time (DirectPInvoke).</summary>
internal static partial class Posix
{
    private const int SigKill = 9;
    private const int SigXfsz = 25;
    private const nint SigIgn = 1;
    private const int FGetFd = 1;
    private const int FdCloexec = 1;
    private const int FGetPipeSz = 1032;
    private const nuint FionRead = 0x541B;
    private const short PollIn = 1;
    private const short PollOut = 4;

    public const int EIntr = 4;
    public const int EAgain = 11;

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

    /// <summary>setenv(3) without overwriting: a value the environment already has is kept.</summary>
    public static void SetUnlessSet(string name, string value) => _ = SetEnv(name, value, 0);

    /// <summary>setenv(3), over any value the environment has.</summary>
    public static void Set(string name, string value) => _ = SetEnv(name, value, 1);

    /// <summary>
    /// Ignores SIGXFSZ, as Python (upstream) does: a write past the file size limit (ulimit -f) then fails
    /// with EFBIG, which the log targets handle, instead of the signal ending the process mid-fence.
    /// </summary>
    public static void IgnoreFileSizeSignal() => _ = Signal(SigXfsz, SigIgn);

    /// <summary>write(2): the count written, or -1 with <paramref name="errno"/> set.</summary>
    public static int Write(int fd, ReadOnlySpan<byte> bytes, out int errno)
    {
        nint written = WriteCall(fd, bytes, (nuint)bytes.Length);
        errno = written < 0 ? Marshal.GetLastPInvokeError() : 0;
        return (int)written;
    }

    /// <summary>read(2): the count read (0 at the end), or -1 with <paramref name="errno"/> set.</summary>
    public static int Read(int fd, Span<byte> bytes, out int errno)
    {
        nint read = ReadCall(fd, bytes, (nuint)bytes.Length);
        errno = read < 0 ? Marshal.GetLastPInvokeError() : 0;
        return (int)read;
    }

    /// <summary>
    /// poll(2) for room to write: false when <paramref name="milliseconds"/> passed without any. An error
    /// or hang-up on the descriptor counts as ready, for the write to report it.
    /// </summary>
    public static bool WaitWritable(int fd, int milliseconds) => Wait(fd, PollOut, milliseconds);

    /// <summary>poll(2) for data to read, the end, or an error, for the read to report it; without a time limit.</summary>
    public static void WaitReadable(int fd) => _ = Wait(fd, PollIn, Timeout.Infinite);

    /// <summary>The capacity of the pipe <paramref name="fd"/> is (F_GETPIPE_SZ), or -1 if it is no pipe.</summary>
    public static int PipeCapacity(int fd) => Fcntl(fd, FGetPipeSz);

    /// <summary>Bytes written to the pipe <paramref name="fd"/> and not yet read (FIONREAD), or -1.</summary>
    public static int Queued(int fd) => Ioctl(fd, FionRead, out int queued) < 0 ? -1 : queued;

    private static bool Wait(int fd, short events, int milliseconds)
    {
        var wait = new PollFd { Fd = fd, Events = events };
        int ready;
        while ((ready = Poll(ref wait, 1, milliseconds)) < 0 && Marshal.GetLastPInvokeError() == EIntr)
        {
        }

        return ready != 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteCall(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadCall(int fd, Span<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fd, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int Ioctl(int fd, nuint request, out int value);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int command);
}
