using FenceZvm.Simulator.Faults;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Simulator;

/// <summary>--workers: at most that many connections are served at once; the others wait and are served later.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class WorkerPoolTests
{
    [TestCase(2)]
    [TestCase(1)]
    public async Task NoMoreThanTheWorkersAreServedAtOnceAndNoRequestIsLost(int workers)
    {
        await using var sim = SimulatorHost.Start(o => o with { Workers = workers, Faults = [FaultSpec.Parse("delay:200")] });

        SmapiResponse[] answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            // The client's exchange blocks (cheapest for a one-shot agent): concurrent callers need threads
            // of their own, not pool threads, which the in-process simulator needs.
            Task.Factory.StartNew(
                () => sim.Client(TimeSpan.FromSeconds(10)).Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE1")),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)));

        Assert.That(answers.Select(a => (a.ReturnCode, a.ReasonCode)), Has.All.EqualTo((0, 0)));
        Assert.That(sim.Simulator.Workers.Peak, Is.EqualTo(workers));
        Assert.That(sim.Simulator.Workers.Served, Is.EqualTo(6));
    }

    [Test]
    public async Task WithoutALimitConnectionsAreServedTogether()
    {
        await using var sim = SimulatorHost.Start(o => o with { Faults = [FaultSpec.Parse("delay:300")] });

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            // The client's exchange blocks (cheapest for a one-shot agent): concurrent callers need threads
            // of their own, not pool threads, which the in-process simulator needs.
            Task.Factory.StartNew(
                () => sim.Client(TimeSpan.FromSeconds(10)).Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE1")),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)));

        Assert.That(sim.Simulator.Workers.Peak, Is.GreaterThan(2));
    }
}
