using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class RecoveryTests
{
    [Test]
    public async Task ADroppedDeactivateResponseIsRecoveredAndTheWorkWasDoneOnce()
    {
        await using var sim = SimulatorHost.StartWithFaults("drop-after-work@Image_Deactivate*1");
        SmapiClient client = sim.Client(TimeSpan.FromMilliseconds(500));

        var lost = Assert.Throws<SmapiTransportException>(() =>
            client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate)));
        SmapiResponse recovery = client.Call(ResponseRecovery.Function.Request(SimulatorHost.Fence, "FENCE", lost!.RequestId!.Value));
        SmapiResponse? recovered = ResponseRecovery.Parse(recovery, lost.RequestId.Value);

        Assert.That(lost.Failure, Is.EqualTo(TransportFailure.ConnectionClosed));
        Assert.That(recovered, Is.Not.Null);
        Assert.That((recovered!.RequestId, recovered.ReturnCode, recovered.ReasonCode), Is.EqualTo((lost.RequestId.Value, 0, 0)));
        ImageOperationResult result = ImageOperationResult.Parse(ImageDeactivate.Function, recovered, client.Options.Codec);
        Assert.That(result.Succeeded, Is.EqualTo(1));
        var guest = sim.Simulator.System.Find("CNODE1")!;
        Assert.That((guest.Active, guest.Deactivations), Is.EqualTo((false, 1)));
    }
}
