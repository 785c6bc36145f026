namespace FenceZvm.Simulator.Server;

/// <summary>Writes whole messages, or (fragment fault) one byte at a time with a short pause.</summary>
internal readonly struct ResponseWriter(Stream stream, bool fragment, CancellationToken cancellationToken)
{
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        if (!fragment)
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            await stream.WriteAsync(bytes.Slice(i, 1), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }
}
