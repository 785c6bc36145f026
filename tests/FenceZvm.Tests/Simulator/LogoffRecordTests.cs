using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.State;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using static FenceZvm.Tests.Support.SimulatorHost;

namespace FenceZvm.Tests.Simulator;

/// <summary>When a guest really went off or on is recorded, timed from the request on the wall clock.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class LogoffRecordTests
{
    [Test]
    public async Task DeactivationCompletesTheDelayAfterTheRequestWithoutAnyQueryAndRecordsWhen()
    {
        string stateFile = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.json");
        var delay = TimeSpan.FromMilliseconds(700);
        await using var sim = SimulatorHost.Start(o => o with { DeactivateDelay = delay, StateFile = stateFile });

        DateTimeOffset before = DateTimeOffset.UtcNow;
        sim.Client().Call(ImageDeactivate.Function.Request(Fence, "CNODE1", ForceTime.Immediate));
        DateTimeOffset after = DateTimeOffset.UtcNow;
        await Task.Delay(delay + TimeSpan.FromMilliseconds(500));
        GuestRecord written = StateFileWriter.Read(stateFile).Guests.Single(g => g.Name == "CNODE1");
        GuestSnapshot guest = sim.Simulator.System.Find("CNODE1")!;
        File.Delete(stateFile);

        Assert.That(written.State, Is.EqualTo("off"), "no status query was needed for the logoff to happen");
        Assert.That(written.LogoffTime, Is.EqualTo(guest.LogoffTime));
        Assert.That(guest.LogoffTime, Is.InRange(before + delay, after + delay), "the delay runs from the request");
        Assert.That(guest.StatusQueries, Is.Zero);
    }

    [Test]
    public async Task ActivationRecordsTheLogonTimeAndKeepsTheLastLogoff()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        await using var sim = SimulatorHost.Start(o => o with { ActivateDelay = delay });
        SmapiClient client = sim.Client();

        client.Call(ImageDeactivate.Function.Request(Fence, "CNODE1", ForceTime.Immediate));
        DateTimeOffset? logoff = sim.Simulator.System.Find("CNODE1")!.LogoffTime;
        DateTimeOffset before = DateTimeOffset.UtcNow;
        client.Call(ImageActivate.Function.Request(Fence, "CNODE1"));
        DateTimeOffset after = DateTimeOffset.UtcNow;
        await Task.Delay(delay + TimeSpan.FromMilliseconds(300));
        GuestSnapshot guest = sim.Simulator.System.Find("CNODE1")!;

        Assert.That(logoff, Is.Not.Null);
        Assert.That(guest.LogonTime, Is.InRange(before + delay, after + delay));
        Assert.That(guest.LogoffTime, Is.EqualTo(logoff));
    }

    [Test]
    public async Task WithAMaximumEachDeactivationTakesATimeInTheRange()
    {
        TimeSpan min = TimeSpan.FromMilliseconds(200), max = TimeSpan.FromMilliseconds(600);
        string[] names = [.. Enumerable.Range(1, 8).Select(i => $"R{i}")];
        await using var sim = SimulatorHost.Start(o => o with
        {
            Guests = [.. names.Select(n => GuestDefinition.Parse(n + "=on"))],
            DeactivateDelay = min,
            DeactivateDelayMax = max,
        });

        var requested = new Dictionary<string, (DateTimeOffset Before, DateTimeOffset After)>();
        foreach (string name in names)
        {
            DateTimeOffset before = DateTimeOffset.UtcNow;
            sim.Client().Call(ImageDeactivate.Function.Request(Fence, name, ForceTime.Immediate));
            requested[name] = (before, DateTimeOffset.UtcNow);
        }

        await Task.Delay(max + TimeSpan.FromMilliseconds(300));
        TimeSpan[] took = [.. names.Select(n => sim.Simulator.System.Find(n)!.LogoffTime!.Value - requested[n].Before)];

        foreach (string name in names)
        {
            Assert.That(sim.Simulator.System.Find(name)!.LogoffTime, Is.InRange(requested[name].Before + min, requested[name].After + max), name);
        }

        Assert.That(took.Distinct().Count(), Is.GreaterThan(1), "the times differ");
    }

    [Test]
    public async Task StatusQueriesAreCountedPerGuest()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        for (int i = 0; i < 3; i++)
        {
            client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));
        }

        client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE2"));

        Assert.That(sim.Simulator.System.Find("CNODE1")!.StatusQueries, Is.EqualTo(3));
        Assert.That(sim.Simulator.System.Find("CNODE2")!.StatusQueries, Is.EqualTo(1));
    }
}
