using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using Microsoft.Extensions.Logging.Abstractions;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// The SMAPI client holds its thread for a whole exchange; several plugs must still be asked at the
/// same time, or a slow server would stretch every poll by the number of plugs.
/// </summary>
public sealed class PlugConcurrencyTests
{
    [Test]
    public void ExchangesThatHoldTheirThreadStillOverlapAcrossPlugs()
    {
        var device = new ThreadHoldingDevice(plugs: 4);
        var options = Run.Options(FenceAction.Status, "CNODE1", "CNODE2", "CNODE3", "CNODE4");
        var stdout = new StringWriter();

        int exit = new ActionRunner(device, options, NullLogger.Instance, stdout).Run(CancellationToken.None);

        Assert.That(exit, Is.EqualTo(ActionRunner.ExitSuccess), stdout.ToString());
        Assert.That(device.MostAtOnce, Is.EqualTo(4), "every plug's status query was in progress at the same time");
    }

    /// <summary>
    /// Each status query blocks its thread until every plug's query has started (or 10 s pass), as a
    /// blocking socket read waits for the server; all guests are on.
    /// </summary>
    private sealed class ThreadHoldingDevice(int plugs) : IPowerDevice
    {
        private readonly CountdownEvent started = new(plugs);
        private int inProgress;
        private int mostAtOnce;

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public PowerState GetStatus(string plug, CancellationToken cancellationToken)
        {
            int now = Interlocked.Increment(ref inProgress);
            InterlockedMax(ref mostAtOnce, now);
            started.Signal();
            started.Wait(TimeSpan.FromSeconds(10), cancellationToken);
            Interlocked.Decrement(ref inProgress);
            return PowerState.On;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }

        public PowerRequestResult PowerOn(string plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public PowerRequestResult PowerOff(string plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public PowerRequestResult Recycle(string plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public string? GetLogonTime(string plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IReadOnlyList<ImageEntry> List(CancellationToken cancellationToken) => throw new NotSupportedException();

        public IReadOnlyCollection<string> DefinedNames(CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Monitor(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
