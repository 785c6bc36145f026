namespace FenceZvm.Simulator.Server;

/// <summary>Hands out increasing request ids across all connections.</summary>
internal sealed class RequestIdSource(uint first)
{
    private int last = unchecked((int)(first - 1));

    public uint Next() => unchecked((uint)Interlocked.Increment(ref last));
}
