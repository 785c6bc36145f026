using FenceZvm.Agent.Power;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// An <see cref="IPowerDevice"/> of our own for logic tests: guests that are on, off or not defined,
/// answers scripted per call, and a log of every call in order ("status CNODE1", "off CNODE1").
/// A power request takes effect at once unless the guest is told to change only after some status queries.
/// Several plugs are asked from threads of their own: every call holds one lock, and the calls of one
/// plug are counted apart from the others'.
/// </summary>
public sealed class FakePowerDevice : IPowerDevice
{
    private readonly Dictionary<string, PowerState> guests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Func<PowerRequestResult>>> scripted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> settleAfterQueries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PowerState> pending = new(StringComparer.Ordinal);

    private readonly HashSet<(string Plug, int Call)> failingStatusCalls = [];
    private readonly Dictionary<string, int> statusCalls = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

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

    /// <summary>The <paramref name="n"/>th status query (from 1) of <paramref name="plug"/> fails as a server that cannot answer would.</summary>
    public FakePowerDevice FailStatusCall(string plug, int n)
    {
        failingStatusCalls.Add((plug, n));
        return this;
    }

    public PowerState? State(string plug)
    {
        lock (gate)
        {
            return guests.TryGetValue(plug, out PowerState s) ? s : null;
        }
    }

    public int Count(string call)
    {
        lock (gate)
        {
            return Calls.Count(c => c == call);
        }
    }

    public PowerState GetStatus(GuestName guest, CancellationToken cancellationToken)
    {
        string plug = guest.Value;
        lock (gate)
        {
            Calls.Add("status " + plug);
            statusCalls[plug] = statusCalls.GetValueOrDefault(plug) + 1;
            if (failingStatusCalls.Contains((plug, statusCalls[plug])))
            {
                throw new FenceFailure(FenceFailure.Status, "Image_Status_Query: RC 900 RS 40");
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

            return State(plug) ?? PowerState.Off;
        }
    }

    public PowerRequestResult PowerOn(GuestName plug, CancellationToken cancellationToken) =>
        Request("on " + plug, plug.Value, PowerState.On);

    public PowerRequestResult PowerOff(GuestName plug, CancellationToken cancellationToken) =>
        Request("off " + plug, plug.Value, PowerState.Off);

    public PowerRequestResult Recycle(GuestName plug, CancellationToken cancellationToken) =>
        throw new NotSupportedException("cycle has tests of its own");

    public string? GetLogonTime(GuestName plug, CancellationToken cancellationToken) => null;

    public IReadOnlyList<ImageEntry> List(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return guests.Select(g => new ImageEntry(g.Key, g.Value)).ToList();
        }
    }

    public IReadOnlyCollection<string> DefinedNames(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Calls.Add("defined");
            return DefinedNamesFailure is { } failure ? throw failure : guests.Keys.ToHashSet(StringComparer.Ordinal);
        }
    }

    public void Monitor(CancellationToken cancellationToken)
    {
    }

    private PowerRequestResult Request(string call, string plug, PowerState target)
    {
        lock (gate)
        {
            Calls.Add(call);
            if (scripted.TryGetValue(call, out Queue<Func<PowerRequestResult>>? queue) && queue.Count > 0)
            {
                return queue.Dequeue()();
            }

            if (State(plug) is not { } state)
            {
                return PowerRequestResult.NotDefined;
            }

            if (state == target)
            {
                return target == PowerState.Off ? PowerRequestResult.NotActive : PowerRequestResult.Accepted;
            }

            if (settleAfterQueries.ContainsKey(plug))
            {
                pending[plug] = target;
            }
            else
            {
                guests[plug] = target;
            }

            return PowerRequestResult.Accepted;
        }
    }
}
