using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdout or stderr as a write-only stream on the descriptor itself, whose writes never wait long for a
/// reader. A caller that stops reading a pipe while holding it open (hung, or gone with a child keeping
/// the pipe) would otherwise block a plain write for ever, and with it the fence and the exit code. Where
/// that can happen (pipes, sockets, terminals: the descriptors that cannot seek), each piece first waits
/// in poll() for room, and a write that finds none for <see cref="Patience"/> fails as a broken stream,
/// which <see cref="BestEffortWriter"/> then gives up. The pieces are PIPE_BUF long at most: a pipe that
/// poll() calls writable takes that many bytes without blocking, and a larger write may not. One write at
/// a time in the process, so that stdout and stderr on one pipe (2&gt;&amp;1) cannot take each other's room.
/// </summary>
/// <param name="fd">The descriptor written to.</param>
/// <param name="owner">What holds <paramref name="fd"/> open (a debug file's stream), disposed with this stream; none for stdout and stderr.</param>
internal sealed class OutputDescriptorStream(int fd, IDisposable? owner = null) : Stream
{
    /// <summary>How long one write may wait for room. A living reader takes a pipe's 64 KiB within milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private const int PipeBuf = 4096;

    private static readonly Lock OneWriteAtATime = new();

    // Asked at the first write: a stream the run never writes to costs nothing.
    private bool? mayStall;

    private bool MayStall => mayStall ??= !Posix.CanSeek(fd);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (OneWriteAtATime)
        {
            WriteAll(buffer);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owner?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void WriteAll(ReadOnlySpan<byte> buffer)
    {
        long started = Stopwatch.GetTimestamp();
        bool inPieces = MayStall;
        while (!buffer.IsEmpty)
        {
            if (inPieces)
            {
                WaitForRoom(started);
            }

            int written = Posix.Write(fd, inPieces ? buffer[..Math.Min(buffer.Length, PipeBuf)] : buffer);
            if (written >= 0)
            {
                buffer = buffer[written..];
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == Posix.EAgain)
            {
                // A descriptor the caller made non-blocking: wait as for a pipe.
                WaitForRoom(started);
            }
            else if (errno != Posix.EIntr)
            {
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
            }
        }
    }

    /// <summary>Returns once the descriptor is writable or in error (the write then says which); throws once the patience is spent.</summary>
    private void WaitForRoom(long started)
    {
        while (true)
        {
            TimeSpan left = Patience - Stopwatch.GetElapsedTime(started);
            int ready = left > TimeSpan.Zero ? Posix.PollOut(fd, (int)Math.Ceiling(left.TotalMilliseconds)) : 0;
            if (ready > 0)
            {
                return;
            }

            if (ready == 0)
            {
                throw new IOException($"nothing read the output for {Patience.TotalSeconds} s");
            }

            if (Marshal.GetLastPInvokeError() != Posix.EIntr)
            {
                return;
            }
        }
    }
}
