using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Smapi.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// The SMAPI client holds its thread for a whole exchange; several plugs must still be asked at the
/// same time, or a slow server would stretch every poll by the number of plugs. Each plug has a thread
/// of its own, and what a plug throws reaches the caller as it was thrown.
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

        Assert.That(exit, Is.EqualTo(ExitCodes.Success), stdout.ToString());
        Assert.That(device.MostAtOnce, Is.EqualTo(4), "every plug's status query was in progress at the same time");
    }

    [Test]
    public void OnePlugRunsOnTheCallersThreadAndSeveralEachOnAThreadOfTheirOwn()
    {
        int caller = Environment.CurrentManagedThreadId;
        var one = new int[1];
        var three = new int[3];

        EachPlug.Run(["CNODE1"], (_, i) => one[i] = Environment.CurrentManagedThreadId);
        EachPlug.Run(["CNODE1", "CNODE2", "CNODE3"], (_, i) => three[i] = Environment.CurrentManagedThreadId);

        Assert.That(one[0], Is.EqualTo(caller), "a single plug starts no thread");
        Assert.That(three, Is.Unique.And.No.EqualTo(caller));
    }

    [Test]
    public void APlugsFailureIsRethrownAsItselfOnceEveryPlugHasEnded()
    {
        var refused = new FenceFailure("Failed: Unable to power OFF CNODE2");
        int ended = 0;

        var thrown = Assert.Throws<FenceFailure>(() => EachPlug.Run(["CNODE1", "CNODE2", "CNODE3"], (plug, _) =>
        {
            Interlocked.Increment(ref ended);
            switch (plug)
            {
                case "CNODE1": throw new OperationCanceledException();
                case "CNODE2": throw refused;
            }
        }));

        Assert.That(thrown, Is.SameAs(refused), "not wrapped, and a failure goes before a cancellation, as awaiting the plugs' tasks together did");
        Assert.That(Volatile.Read(ref ended), Is.EqualTo(3));
    }

    [Test]
    public void AnInterruptedRunOfSeveralPlugsEndsAsTheCancellationTheAgentCatches()
    {
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();
        var options = Run.Options(FenceAction.Status, "CNODE1", "CNODE2");

        Assert.Throws<OperationCanceledException>(() => new ActionRunner(new CancelledDevice(), options, NullLogger.Instance, new StringWriter()).Run(interrupted.Token));
    }

    /// <summary>
    /// Each status query blocks its thread until every plug's query has started (or 10 s pass), as a
    /// blocking socket read waits for the server; all guests are on.
    /// </summary>
    private sealed class ThreadHoldingDevice(int plugs) : StatusOnlyDevice
    {
        private readonly CountdownEvent started = new(plugs);
        private int inProgress;
        private int mostAtOnce;

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public override PowerState GetStatus(GuestName plug, CancellationToken cancellationToken)
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
    }

    /// <summary>A device whose status query sees the run interrupted, as the SMAPI client reports it.</summary>
    private sealed class CancelledDevice : StatusOnlyDevice
    {
        public override PowerState GetStatus(GuestName plug, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return PowerState.On;
        }
    }

    /// <summary>A device these tests only ask for status; anything else would be a wrong turn in the flow.</summary>
    private abstract class StatusOnlyDevice : IPowerDevice
    {
        public abstract PowerState GetStatus(GuestName plug, CancellationToken cancellationToken);

        public PowerRequestResult PowerOn(GuestName plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public PowerRequestResult PowerOff(GuestName plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public PowerRequestResult Recycle(GuestName plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public string? GetLogonTime(GuestName plug, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IReadOnlyList<ImageEntry> List(CancellationToken cancellationToken) => throw new NotSupportedException();

        public IReadOnlyCollection<string> DefinedNames(CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Monitor(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
