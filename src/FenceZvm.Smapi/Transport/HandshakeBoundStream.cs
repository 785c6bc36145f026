namespace FenceZvm.Smapi.Transport;

/// <summary>
/// The TCP stream under a TLS handshake. Until <see cref="EndHandshake"/>, every call gets what is left of
/// the bound as its timeout, so the handshake as a whole ends within the bound: a server that sends its
/// handshake a byte at a time keeps each read within a per-call timeout for ever. Afterwards the timeouts
/// are the caller's again (the client bounds each exchange phase through them).
/// </summary>
internal sealed class HandshakeBoundStream(Stream inner, TimeSpan bound) : Stream
{
    private readonly StreamDeadline deadline = new(bound);
    private bool handshaking = true;

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }

    public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void EndHandshake() => handshaking = false;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        BoundNextCall();
        return inner.Read(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        BoundNextCall();
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void BoundNextCall()
    {
        if (handshaking)
        {
            deadline.BoundNextCall(inner);
        }
    }
}
