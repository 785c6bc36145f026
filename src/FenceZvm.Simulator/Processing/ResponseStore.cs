namespace FenceZvm.Simulator.Processing;

/// <summary>
/// The most recent response 2 bodies (request id, RC, RS, output; no output_length) by request id,
/// for Response_Recovery. Bounded: the oldest entry is forgotten first.
/// </summary>
public sealed class ResponseStore(int capacity = 1000)
{
    private readonly Lock gate = new();
    private readonly Dictionary<uint, byte[]> bodies = [];
    private readonly Queue<uint> order = new();

    public int Capacity { get; } = capacity;

    public void Keep(uint requestId, byte[] body)
    {
        if (Capacity <= 0)
        {
            return;
        }

        lock (gate)
        {
            if (bodies.TryAdd(requestId, body))
            {
                order.Enqueue(requestId);
            }

            while (order.Count > Capacity)
            {
                bodies.Remove(order.Dequeue());
            }
        }
    }

    public bool TryGet(uint requestId, out byte[] body)
    {
        lock (gate)
        {
            return bodies.TryGetValue(requestId, out body!);
        }
    }
}
