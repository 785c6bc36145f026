using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Simulator.Faults;

/// <summary>The configured faults and how many requests each still applies to. Thread-safe.</summary>
public sealed class FaultPlan
{
    private readonly FaultSpec[] faults;
    private readonly int[] remaining;

    public FaultPlan(IEnumerable<FaultSpec> specs)
    {
        faults = specs.ToArray();
        remaining = faults.Select(f => f.Count ?? int.MaxValue).ToArray();
    }

    /// <summary>True when a refuse fault without a count means: do not listen at all.</summary>
    public bool RefuseAll => faults.Any(f => f.Kind == FaultKind.Refuse && f.Count is null);

    /// <summary>Takes one use of a counted refuse fault for a newly accepted connection.</summary>
    public bool TakeRefusal() => Take(f => f.Kind == FaultKind.Refuse) is not null;

    /// <summary>Takes one use of a tls-stall fault for a newly accepted TLS connection.</summary>
    public bool TakeTlsStall() => Take(f => f.Kind == FaultKind.TlsStall) is not null;

    /// <summary>Takes one use of the first fault matching this request, if any.</summary>
    public FaultSpec? TakeFor(SmapiFunction? function, string? target) =>
        Take(f => f.Kind is not (FaultKind.Refuse or FaultKind.TlsStall) && f.Matches(function, target));

    private FaultSpec? Take(Func<FaultSpec, bool> predicate)
    {
        for (int i = 0; i < faults.Length; i++)
        {
            if (!predicate(faults[i]))
            {
                continue;
            }

            while (true)
            {
                int left = Volatile.Read(ref remaining[i]);
                if (left <= 0)
                {
                    break;
                }

                int next = left == int.MaxValue ? left : left - 1;
                if (Interlocked.CompareExchange(ref remaining[i], next, left) == left)
                {
                    return faults[i];
                }
            }
        }

        return null;
    }
}
