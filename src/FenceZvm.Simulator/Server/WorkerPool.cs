namespace FenceZvm.Simulator.Server;

/// <summary>
/// The SMAPI server's small pool of worker servers: at most <c>size</c> connections are served at
/// once; further ones stay accepted and wait for a free worker, as requests queue for z/VM's worker
/// machines. A size of 0 means no limit. Also counts the connections served and the most served at once.
/// </summary>
public sealed class WorkerPool(int size)
{
    private readonly SemaphoreSlim? free = size > 0 ? new SemaphoreSlim(size, size) : null;
    private int busy;
    private int peak;
    private long served;

    /// <summary>The most connections served at the same time so far.</summary>
    public int Peak => Volatile.Read(ref peak);

    /// <summary>Connections that got a worker so far.</summary>
    public long Served => Interlocked.Read(ref served);

    /// <summary>Waits for a free worker; dispose the lease when the connection is done.</summary>
    public async ValueTask<Lease> TakeAsync(CancellationToken cancellationToken)
    {
        if (free is not null)
        {
            await free.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref served);
        int now = Interlocked.Increment(ref busy);
        for (int seen = Volatile.Read(ref peak); now > seen; seen = Volatile.Read(ref peak))
        {
            if (Interlocked.CompareExchange(ref peak, now, seen) == seen)
            {
                break;
            }
        }

        return new Lease(this);
    }

    private void Return()
    {
        Interlocked.Decrement(ref busy);
        free?.Release();
    }

    public readonly struct Lease(WorkerPool pool) : IDisposable
    {
        public void Dispose() => pool.Return();
    }
}
