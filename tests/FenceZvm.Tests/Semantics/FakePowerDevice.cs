using FenceZvm.Agent.Power;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// An <see cref="IPowerDevice"/> of our own for logic tests: guests that are on, off or not defined,
/// answers scripted per call, and a log of every call in order ("status CNODE1", "off CNODE1").
/// A power request takes effect at once unless the guest is told to change only after some status queries.
/// </summary>
public sealed class FakePowerDevice : IPowerDevice
{
    private readonly Dictionary<string, PowerState> guests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Func<PowerRequestResult>>> scripted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> settleAfterQueries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PowerState> pending = new(StringComparer.Ordinal);

    private readonly HashSet<int> failingStatusCalls = [];
    private int statusCalls;

    public List<string> Calls { get; } = [];

    /// <summary>Fails Image_Name_Query_DM with this failure instead of answering.</summary>
    public FenceFailure? DefinedNamesFailure { get; set; }

    public FakePowerDevice With(string plug, PowerState state)
    {
        guests[plug] = state;
        return this;
    }

    /// <summary>The next "on CNODE1" or "off CNODE1" call answers with <paramref name="answer"/> (which may throw) instead of acting.</summary>
    public FakePowerDevice Answer(string call, Func<PowerRequestResult> answer)
    {
        if (!scripted.TryGetValue(call, out Queue<Func<PowerRequestResult>>? queue))
        {
            scripted[call] = queue = new Queue<Func<PowerRequestResult>>();
        }

        queue.Enqueue(answer);
        return this;
    }

    public FakePowerDevice Answer(string call, PowerRequestResult answer) => Answer(call, () => answer);

    /// <summary>Accepted requests for <paramref name="plug"/> take effect only after this many status queries (-1: never).</summary>
    public FakePowerDevice SlowToChange(string plug, int statusQueries)
    {
        settleAfterQueries[plug] = statusQueries;
        return this;
    }

    /// <summary>The <paramref name="n"/>th status query (from 1) fails as a server that cannot answer would.</summary>
    public FakePowerDevice FailStatusCall(int n)
    {
        failingStatusCalls.Add(n);
        return this;
    }

    public PowerState? State(string plug) => guests.TryGetValue(plug, out PowerState s) ? s : null;

    public int Count(string call) => Calls.Count(c => c == call);

    public Task<PowerState> GetStatusAsync(string plug, CancellationToken cancellationToken)
    {
        Calls.Add("status " + plug);
        if (failingStatusCalls.Contains(++statusCalls))
        {
            return Task.FromException<PowerState>(new FenceFailure(FenceFailure.Status, "Image_Status_Query: RC 900 RS 40"));
        }
        if (pending.TryGetValue(plug, out PowerState target) && settleAfterQueries.TryGetValue(plug, out int left) && left >= 0)
        {
            if (left == 0)
            {
                guests[plug] = target;
                pending.Remove(plug);
            }
            else
            {
                settleAfterQueries[plug] = left - 1;
            }
        }

        return Task.FromResult(State(plug) ?? PowerState.Off);
    }

    public Task<PowerRequestResult> PowerOnAsync(string plug, CancellationToken cancellationToken) =>
        Request("on " + plug, plug, PowerState.On);

    public Task<PowerRequestResult> PowerOffAsync(string plug, CancellationToken cancellationToken) =>
        Request("off " + plug, plug, PowerState.Off);

    public Task<PowerRequestResult> RecycleAsync(string plug, CancellationToken cancellationToken) =>
        throw new NotSupportedException("cycle has tests of its own");

    public Task<string?> GetLogonTimeAsync(string plug, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<IReadOnlyList<ImageEntry>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImageEntry>>(guests.Select(g => new ImageEntry(g.Key, g.Value)).ToList());

    public Task<IReadOnlyCollection<string>> DefinedNamesAsync(CancellationToken cancellationToken)
    {
        Calls.Add("defined");
        return DefinedNamesFailure is { } failure
            ? Task.FromException<IReadOnlyCollection<string>>(failure)
            : Task.FromResult<IReadOnlyCollection<string>>(guests.Keys.ToHashSet(StringComparer.Ordinal));
    }

    public Task MonitorAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<PowerRequestResult> Request(string call, string plug, PowerState target)
    {
        Calls.Add(call);
        if (scripted.TryGetValue(call, out Queue<Func<PowerRequestResult>>? queue) && queue.Count > 0)
        {
            return Task.FromResult(queue.Dequeue()());
        }

        if (State(plug) is not { } state)
        {
            return Task.FromResult(PowerRequestResult.NotDefined);
        }

        if (state == target)
        {
            return Task.FromResult(target == PowerState.Off ? PowerRequestResult.NotActive : PowerRequestResult.Accepted);
        }

        if (settleAfterQueries.ContainsKey(plug))
        {
            pending[plug] = target;
        }
        else
        {
            guests[plug] = target;
        }

        return Task.FromResult(PowerRequestResult.Accepted);
    }
}
