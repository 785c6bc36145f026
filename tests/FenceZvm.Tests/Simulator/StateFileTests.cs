using System.Text.Json;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class StateFileTests
{
    [Test]
    public async Task TheStateFileFollowsEveryChange()
    {
        string path = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.json");
        try
        {
            await using var sim = SimulatorHost.Start(o => o with { StateFile = path });
            SmapiClient client = sim.Client();
            JsonElement initial = Guest(path, "CNODE2");

            client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));
            client.Call(ImageActivate.Function.Request(SimulatorHost.Fence, "CNODE2"));
            client.Call(ImageRecycle.Function.Request(SimulatorHost.Fence, "CNODE2"));
            client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE3", ForceTime.Immediate));

            Assert.That(initial.GetProperty("state").GetString(), Is.EqualTo("off"));
            JsonElement cnode1 = Guest(path, "CNODE1");
            JsonElement cnode2 = Guest(path, "CNODE2");
            JsonElement cnode3 = Guest(path, "CNODE3");
            Assert.That(cnode1.GetProperty("state").GetString(), Is.EqualTo("off"));
            Assert.That(cnode1.GetProperty("deactivations").GetInt32(), Is.EqualTo(1));
            Assert.That(cnode1.GetProperty("logonTime").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cnode2.GetProperty("state").GetString(), Is.EqualTo("on"));
            Assert.That((cnode2.GetProperty("activations").GetInt32(), cnode2.GetProperty("recycles").GetInt32()), Is.EqualTo((1, 1)));
            Assert.That(cnode2.GetProperty("logonTime").GetDateTimeOffset(), Is.EqualTo(sim.Simulator.System.Find("CNODE2")!.LogonTime));
            Assert.That(cnode3.GetProperty("state").GetString(), Is.EqualTo("on"));
            Assert.That(cnode3.GetProperty("transition").GetString(), Is.EqualTo("deactivating"));
            Assert.That(File.Exists(path + ".tmp"), Is.False);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonElement Guest(string path, string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("guests").EnumerateArray()
            .Single(g => g.GetProperty("name").GetString() == name).Clone();
    }
}
