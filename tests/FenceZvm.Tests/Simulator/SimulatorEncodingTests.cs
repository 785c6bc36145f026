using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class SimulatorEncodingTests
{
    [Test]
    public async Task EbcdicClientAgainstEbcdicServerWorks()
    {
        await using var sim = SimulatorHost.Start(o => o with { Codec = TextCodecs.Ebcdic });
        SmapiClient client = sim.Client(codec: TextCodecs.Ebcdic);

        SmapiResponse off = client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));
        SmapiResponse list = client.Call(ImageNameQueryDm.Function.Request(SimulatorHost.Fence, "FENCE"));

        Assert.That(off.ReturnCode, Is.Zero);
        Assert.That(ImageNameList.Parse(ImageNameQueryDm.Function, list, TextCodecs.Ebcdic), Is.EquivalentTo(new[] { "CNODE1", "CNODE2", "CNODE3" }));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Active, Is.False);
    }

    [Test]
    public async Task AsciiClientAgainstEbcdicServerGetsFunctionNotValidAndNothingHappens()
    {
        await using var sim = SimulatorHost.Start(o => o with { Codec = TextCodecs.Ebcdic });

        SmapiResponse response = sim.Client().Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));

        Assert.That((response.ReturnCode, response.ReasonCode), Is.EqualTo((900, 12)));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Deactivations, Is.Zero);
    }
}
