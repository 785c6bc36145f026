using FenceZvm.Simulator.State;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using static FenceZvm.Tests.Support.SimulatorHost;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class TimingTests
{
    [Test]
    public async Task DeactivationTakesTheDelayAndAnswersBeingDeactivatedMeanwhile()
    {
        string stateFile = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.json");
        await using var sim = SimulatorHost.Start(o => o with { DeactivateDelay = TimeSpan.FromMilliseconds(1500), StateFile = stateFile });
        SmapiClient client = sim.Client();

        SmapiResponse off = client.Call(ImageDeactivate.Function.Request(Fence, "CNODE1", ForceTime.Immediate));
        SmapiResponse during = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));
        SmapiResponse again = client.Call(ImageDeactivate.Function.Request(Fence, "CNODE1", ForceTime.Immediate));
        SmapiResponse activate = client.Call(ImageActivate.Function.Request(Fence, "CNODE1"));
        await Task.Delay(2000);
        GuestRecord written = StateFileWriter.Read(stateFile).Guests.Single(g => g.Name == "CNODE1");
        SmapiResponse after = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));
        File.Delete(stateFile);

        Assert.That(off.ReturnCode, Is.Zero);
        Assert.That((during.ReturnCode, during.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((again.ReturnCode, again.ReasonCode), Is.EqualTo((200, 16)));
        Assert.That((activate.ReturnCode, activate.ReasonCode), Is.EqualTo((200, 16)));
        Assert.That((after.ReturnCode, after.ReasonCode), Is.EqualTo((0, 12)));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Deactivations, Is.EqualTo(1));
        Assert.That((written.State, written.Transition), Is.EqualTo(("off", (string?)null)), "the completed transition is written without another request");
    }

    [Test]
    public async Task ActivationShowsActiveOnlyAfterTheDelay()
    {
        await using var sim = SimulatorHost.Start(o => o with { ActivateDelay = TimeSpan.FromMilliseconds(1200) });
        SmapiClient client = sim.Client();

        SmapiResponse on = client.Call(ImageActivate.Function.Request(Fence, "CNODE2"));
        SmapiResponse during = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE2"));
        SmapiResponse again = client.Call(ImageActivate.Function.Request(Fence, "CNODE2"));
        await Task.Delay(1700);
        SmapiResponse after = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE2"));

        Assert.That(on.ReturnCode, Is.Zero);
        Assert.That(during.ReasonCode, Is.EqualTo(12));
        Assert.That((again.ReturnCode, again.ReasonCode), Is.EqualTo((200, 8)));
        Assert.That((after.ReturnCode, after.ReasonCode), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task StuckGuestAcceptsDeactivationButStaysActive()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse off = client.Call(ImageDeactivate.Function.Request(Fence, "CNODE3", ForceTime.Immediate));
        await Task.Delay(200);
        SmapiResponse status = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE3"));
        SmapiResponse again = client.Call(ImageDeactivate.Function.Request(Fence, "CNODE3", ForceTime.Immediate));

        Assert.That((off.ReturnCode, off.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((status.ReturnCode, status.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((again.ReturnCode, again.ReasonCode), Is.EqualTo((200, 16)));
    }
}
