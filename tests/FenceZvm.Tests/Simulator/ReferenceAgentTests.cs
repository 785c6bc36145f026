using FenceZvm.Simulator.State;

namespace FenceZvm.Tests.Simulator;

/// <summary>
/// The upstream Python fence_zvmip (Debian package fence-agents) against the simulator: proves the
/// simulator speaks the bytes real SMAPI clients send and expect.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ReferenceAgentTests
{
    [TestCase("CNODE1", "status", 0, "Status: ON")]
    [TestCase("CNODE2", "status", 2, "Status: OFF")]
    [TestCase("CNODE1", "monitor", 0, "")]
    public async Task ReadOnlyActions(string plug, string action, int exitCode, string output)
    {
        await using var sim = SimulatorHost.Start();

        (int code, string stdout, _) = await RunAgentAsync(sim, "secret", plug, action);

        Assert.That(code, Is.EqualTo(exitCode));
        Assert.That(stdout, Does.Contain(output));
    }

    [TestCase("status")]
    [TestCase("monitor")]
    [TestCase("off")]
    public async Task ABadPasswordFails(string action)
    {
        await using var sim = SimulatorHost.Start();

        (int code, _, _) = await RunAgentAsync(sim, "wrong", "CNODE1", action);

        Assert.That(code, Is.Not.Zero);
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Active, Is.True);
    }

    [Test]
    public async Task ListMarksDefinedGuestsOnOrOff()
    {
        await using var sim = SimulatorHost.Start();

        (int code, string stdout, _) = await RunAgentAsync(sim, "secret", "CNODE1", "list");

        Assert.That(code, Is.Zero);
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Is.EquivalentTo(new[] { "CNODE1,", "CNODE2,", "CNODE3," }));
    }

    [Test]
    public async Task OffAndOnChangeTheStateFile()
    {
        string stateFile = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.json");
        try
        {
            await using var sim = SimulatorHost.Start(o => o with { StateFile = stateFile });

            (int offCode, string offOut, _) = await RunAgentAsync(sim, "secret", "CNODE1", "off");
            GuestRecord afterOff = Guest(stateFile, "CNODE1");
            (int onCode, string onOut, _) = await RunAgentAsync(sim, "secret", "CNODE2", "on");
            GuestRecord afterOn = Guest(stateFile, "CNODE2");

            Assert.That((offCode, onCode), Is.EqualTo((0, 0)));
            Assert.That(offOut, Does.Contain("Success: Powered OFF"));
            Assert.That(onOut, Does.Contain("Success: Powered ON"));
            Assert.That((afterOff.State, afterOff.Deactivations), Is.EqualTo(("off", 1)));
            Assert.That((afterOn.State, afterOn.Activations), Is.EqualTo(("on", 1)));
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    private static GuestRecord Guest(string stateFile, string name) =>
        StateFileWriter.Read(stateFile).Guests.Single(g => g.Name == name);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAgentAsync(SimulatorHost sim, string password, string plug, string action)
    {
        UpstreamAgent.RequireInstalled();
        ProcessResult r = await ProcessRunner.RunAsync(
            UpstreamAgent.Path,
            ["--disable-ssl", "-a", "127.0.0.1", "-u", sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", "FENCE", "-p", password, "-n", plug, "-o", action],
            timeout: TimeSpan.FromSeconds(30));
        return (r.ExitCode, r.Stdout, r.Stderr);
    }
}
