using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>
/// A connected stream socket as a <see cref="Stream"/>, for address families .NET's Socket does not
/// know (AF_IUCV). Every recv and send is non-blocking (MSG_DONTWAIT); a blocked call waits in poll()
/// slices of at most <see cref="PollSlice"/> ms, so closing the stream (cancellation) ends it within one
/// slice, and a call that waits past its <see cref="ReadTimeout"/> or <see cref="WriteTimeout"/> throws
/// <see cref="TimeoutException"/>, as the client's contract with every transport asks.
/// </summary>
internal sealed class DescriptorStream(DescriptorHandle handle) : Stream
{
    public const int PollSlice = 50;

    public override bool CanRead => !handle.IsClosed;

    public override bool CanWrite => !handle.IsClosed;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    /// <summary>Milliseconds a read may wait, or <see cref="Timeout.Infinite"/>.</summary>
    public override int ReadTimeout { get; set; } = Timeout.Infinite;

    /// <summary>Milliseconds a write may wait, or <see cref="Timeout.Infinite"/>.</summary>
    public override int WriteTimeout { get; set; } = Timeout.Infinite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            int received = buffer.IsEmpty ? 0 : TryTransfer(buffer, receive: true);
            if (received >= 0)
            {
                return received;
            }

            WaitBlocking(Libc.PollIn, started, ReadTimeout);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        long started = Stopwatch.GetTimestamp();
        while (!buffer.IsEmpty)
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            int sent = TryTransfer(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(buffer), buffer.Length), receive: false);
            if (sent >= 0)
            {
                buffer = buffer[sent..];
                continue;
            }

            WaitBlocking(Libc.PollOut, started, WriteTimeout);
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            handle.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <returns>Bytes moved (0 on receive = end of stream), or -1 when the call would block.</returns>
    private int TryTransfer(Memory<byte> buffer, bool receive) => TryTransfer(buffer.Span, receive);

    private unsafe int TryTransfer(Span<byte> buffer, bool receive)
    {
        nint result;
        fixed (byte* p = buffer)
        {
            result = receive
                ? Libc.Recv(handle.Fd, p, (nuint)buffer.Length, Libc.MsgDontwait)
                : Libc.Send(handle.Fd, p, (nuint)buffer.Length, Libc.MsgDontwait | Libc.MsgNosignal);
        }

        if (result >= 0)
        {
            return (int)result;
        }

        int errno = Marshal.GetLastPInvokeError();
        return errno is Errno.EAGAIN or Errno.EINTR ? -1 : throw new IOException(IucvErrors.StrError(errno));
    }

    /// <summary>
    /// One poll slice: returns when ready, or after the slice so the caller can see a close; throws once
    /// the call has waited <paramref name="timeout"/> ms since <paramref name="started"/>.
    /// </summary>
    private unsafe void WaitBlocking(short events, long started, int timeout)
    {
        int slice = PollSlice;
        if (timeout != Timeout.Infinite)
        {
            long left = timeout - (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (left <= 0)
            {
                throw new TimeoutException($"no progress on the socket within {timeout} ms");
            }

            slice = (int)Math.Min(slice, left);
        }

        var fd = new Libc.PollFd { Fd = handle.Fd, Events = events };
        if (Libc.Poll(&fd, 1, slice) < 0 && Marshal.GetLastPInvokeError() is int errno && errno != Errno.EINTR)
        {
            throw new IOException(IucvErrors.StrError(errno));
        }
    }
}
