using System.Text;

namespace FenceZvm.Agent.ProcessIo;

/// <summary>
/// stdout or stderr without a buffer: each Write goes out as one write(2) of its UTF-8 bytes where the
/// reader keeps up, so nothing waits for a flush and the 12 KB of -o metadata is a single call. A reader
/// that takes nothing for <see cref="PatienceMilliseconds"/> is given up (an IOException, on which
/// <see cref="BestEffortWriter"/> drops the stream): a full pipe nobody reads must not hold up a fence.
/// Console.Out wrote in pieces of 256 bytes and blocked for good on such a pipe; it, or a StreamWriter,
/// also set up the console (terminal settings, the locale's character set) at every start.
/// </summary>
/// <param name="fd">The descriptor written to.</param>
/// <param name="owner">What holds <paramref name="fd"/> open (a debug file's stream), disposed with the writer; none for stdout and stderr.</param>
internal sealed class WholeWriteWriter(int fd, IDisposable? owner = null) : TextWriter
{
    public const int PatienceMilliseconds = 5000;

    /// <summary>Room for this much is what poll's POLLOUT promises on a pipe (PIPE_BUF).</summary>
    private const int PipeAtomic = 4096;

    // An object, not a System.Threading.Lock: its managed code was some 30 methods more to JIT-compile (s390x).
    private static readonly object OneAtATime = new();

    /// <summary>UTF-8 without a byte order mark.</summary>
    public override Encoding Encoding => Encoding.Default;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Send(Encoding.Default.GetBytes(value));
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (count > 0)
        {
            Send(Encoding.Default.GetBytes(buffer, index, count));
        }
    }

    /// <summary>The line and its end in one write, where TextWriter's own would make two.</summary>
    public override void WriteLine(string? value) => Write(value + NewLine);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owner?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Every write waits for room first, so it cannot block: a pipe takes the rest at once only when it
    /// is empty and large enough (the usual case), otherwise PIPE_BUF at a time; a file or a terminal
    /// takes it whole. A descriptor handed over non-blocking (EAGAIN) is waited on the same way. One
    /// write at a time in the process: stdout and stderr on one pipe (2&gt;&amp;1) would otherwise both
    /// find the room that only one of them can take.
    /// </summary>
    private void Send(ReadOnlySpan<byte> bytes)
    {
        lock (OneAtATime)
        {
            SendAlone(bytes);
        }
    }

    private void SendAlone(ReadOnlySpan<byte> bytes)
    {
        int pipeCapacity = Posix.PipeCapacity(fd);
        while (!bytes.IsEmpty)
        {
            if (!Posix.WaitWritable(fd, PatienceMilliseconds))
            {
                throw new IOException($"descriptor {fd} took no output for {PatienceMilliseconds / 1000} s");
            }

            bool whole = pipeCapacity < 0 || (bytes.Length <= pipeCapacity && Posix.Queued(fd) == 0);
            int written = Posix.Write(fd, whole ? bytes : bytes[..Math.Min(bytes.Length, PipeAtomic)], out int errno);
            if (written >= 0)
            {
                bytes = bytes[written..];
            }
            else if (errno is not (Posix.EIntr or Posix.EAgain))
            {
                throw new IOException($"writing to descriptor {fd} failed (errno {errno})", errno);
            }
        }
    }
}
