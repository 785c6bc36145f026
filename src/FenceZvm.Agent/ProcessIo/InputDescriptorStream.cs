namespace FenceZvm.Agent.ProcessIo;

/// <summary>
/// stdin as a read-only stream on the descriptor itself. A caller may hand over a pipe it made
/// non-blocking (O_NONBLOCK belongs to the pipe, not to one end's process): a read before its data
/// arrives then fails with EAGAIN, which is not the end of the input, so the read waits in poll() as a
/// blocking one would. (The runtime's console stream took EAGAIN for an error, and the run failed.)
/// </summary>
internal sealed class InputDescriptorStream(int fd) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            int read = Posix.Read(fd, buffer, out int errno);
            if (read >= 0)
            {
                return read;
            }

            if (errno == Posix.EAgain)
            {
                Posix.WaitReadable(fd);
            }
            else if (errno != Posix.EIntr)
            {
                throw new IOException($"reading descriptor {fd} failed (errno {errno})", errno);
            }
        }
    }

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
