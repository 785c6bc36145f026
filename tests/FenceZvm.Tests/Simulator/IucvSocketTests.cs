using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class IucvSocketTests
{
    [Test]
    public async Task TheCallerGuestIsTheUserAndNoPasswordIsNeeded()
    {
        string path = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.sock");
        await using var sim = SimulatorHost.Start(o => o with { IucvSocket = path, IucvCaller = "linux9" });
        var client = new SmapiClient(new UnixSocketTransport(path), new SmapiClientOptions { Timeout = TimeSpan.FromSeconds(5) });

        SmapiResponse recycle = client.Call(ImageRecycle.Function.Request(SmapiCredentials.None, "CNODE1"));
        SmapiResponse deactivate = client.Call(ImageDeactivate.Function.Request(SmapiCredentials.None, "CNODE1", ForceTime.Immediate));

        Assert.That(sim.Simulator.IucvSocketPath, Is.EqualTo(path));
        Assert.That((recycle.ReturnCode, recycle.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((deactivate.ReturnCode, deactivate.ReasonCode), Is.EqualTo((100, 16)));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Recycles, Is.EqualTo(1));
    }
}
