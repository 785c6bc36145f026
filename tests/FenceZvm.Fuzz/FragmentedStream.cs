namespace FenceZvm.Fuzz;

/// <summary>
/// A connection's bytes handed out in pieces, the way a socket may deliver them: each read returns no
/// more than was asked, and no more than the bytes up to the next cut (or a random number of them); then
/// end of stream. It counts the bytes consumed and the reads made, so that a test can see where a reader
/// stopped. It takes read and write timeouts as a socket's stream does, and ignores them.
/// </summary>
internal sealed class FragmentedStream : Stream
{
    private readonly byte[] data;
    private readonly int[] cuts;
    private readonly Random? random;
    private readonly int maxPiece;
    private int position;
    private int nextCut;

    /// <summary><paramref name="data"/> cut at the given offsets (ascending, 0..Length); no cut: whatever is asked for.</summary>
    public FragmentedStream(byte[] data, params int[] cuts)
    {
        this.data = data;
        this.cuts = cuts;
        maxPiece = int.MaxValue;
    }

    /// <summary><paramref name="data"/> in pieces of 1 to <paramref name="maxPiece"/> bytes, drawn from <paramref name="random"/> at each read.</summary>
    public FragmentedStream(byte[] data, Random random, int maxPiece)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPiece, 1);
        this.data = data;
        this.random = random;
        this.maxPiece = maxPiece;
        cuts = [];
    }

    /// <summary>The bytes handed out so far.</summary>
    public int Consumed => position;

    /// <summary>The bytes no read has taken.</summary>
    public byte[] Unread => data[position..];

    /// <summary>Every call to Read, the ones at end of stream included.</summary>
    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override bool CanTimeout => true;

    public override int ReadTimeout { get; set; } = Timeout.Infinite;

    public override int WriteTimeout { get; set; } = Timeout.Infinite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        int left = data.Length - position;
        if (buffer.IsEmpty || left == 0)
        {
            return 0;
        }

        int count = Math.Min(buffer.Length, NextPiece(left));
        data.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int NextPiece(int left)
    {
        if (random is not null)
        {
            return random.Next(1, Math.Min(left, maxPiece) + 1);
        }

        while (nextCut < cuts.Length && cuts[nextCut] <= position)
        {
            nextCut++;
        }

        return nextCut < cuts.Length ? cuts[nextCut] - position : left;
    }
}
