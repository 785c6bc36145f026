using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.State;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Simulator;

/// <summary>--guest-hook: a command follows every guest that powers off or on, and its failure changes no answer.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GuestHookTests
{
    [Test]
    public async Task TheHookSeesEveryPowerChangeBeforeTheAnswer()
    {
        string record = Path.Combine(Path.GetTempPath(), $"smapi-sim-hook-{Guid.NewGuid():N}.txt");
        try
        {
            // Each call records the environment, then its arguments (appended to the command line), after a pause
            // that an answer not waiting for the hook would not wait for.
            string hook = $"sleep 0.2; echo \"env $SMAPI_SIM_GUEST $SMAPI_SIM_STATE\" >>{record}; echo >>{record} args";
            await using var sim = SimulatorHost.Start(o => o with { GuestHook = hook });
            SmapiClient client = sim.Client();

            client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));
            string afterOff = File.ReadAllText(record);
            client.Call(ImageActivate.Function.Request(SimulatorHost.Fence, "CNODE2"));
            client.Call(ImageRecycle.Function.Request(SimulatorHost.Fence, "CNODE2"));
            client.Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE2"));
            client.Call(ImageActivate.Function.Request(SimulatorHost.Fence, "CNODE2"));

            Assert.That(afterOff, Is.EqualTo("env CNODE1 off\nargs CNODE1 off\n"));
            Assert.That(File.ReadAllLines(record), Is.EqualTo(new[]
            {
                "env CNODE1 off", "args CNODE1 off",
                "env CNODE2 on", "args CNODE2 on",
                "env CNODE2 off", "args CNODE2 off", "env CNODE2 on", "args CNODE2 on",
            }));
        }
        finally
        {
            File.Delete(record);
        }
    }

    [TestCase("exit 3", "exit 3")]
    [TestCase("/nonexistent/power-switch", "exit 127")]
    public async Task AFailingHookIsLoggedAndTheAnswerStands(string command, string logged)
    {
        using var system = new ZvmSystem([GuestDefinition.Parse("CNODE1=on")], [SmapiUser.Parse("FENCE:secret")]);
        using var log = new StringWriter();
        using var hook = new GuestHook(system, command, log);

        Outcome outcome = system.Deactivate("CNODE1");

        Assert.That(outcome, Is.EqualTo(Outcome.Ok));
        Assert.That(system.Find("CNODE1")!.Active, Is.False);
        Assert.That(log.ToString(), Is.EqualTo($"smapi-sim: guest hook for CNODE1 off failed ({logged}); the SMAPI answer is unchanged\n"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task AHangingHookIsKilledAndTheAnswerStillComes()
    {
        using var log = new StringWriter();
        await using var sim = SimulatorHost.Start();
        using var hook = new GuestHook(sim.Simulator.System, "sleep 30 #", log, TimeSpan.FromMilliseconds(300));

        SmapiResponse response = sim.Client(TimeSpan.FromSeconds(20)).Call(ImageActivate.Function.Request(SimulatorHost.Fence, "CNODE2"));

        Assert.That((response.ReturnCode, response.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That(log.ToString(), Does.StartWith("smapi-sim: guest hook for CNODE2 on failed (still running after 0.3 s, killed)"));
    }
}
