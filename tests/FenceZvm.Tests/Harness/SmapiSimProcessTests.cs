using System.Net.Sockets;

namespace FenceZvm.Tests.Harness;

/// <summary>The smapi-sim process the pacemaker, packaging and bench runs start: on its port, with its state file, stopped with its tests.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SmapiSimProcessTests
{
    [Test]
    public async Task ListensOnThePortItReportsAndWritesItsStateFile()
    {
        string directory = Directory.CreateTempSubdirectory("fence-zvm-simprocess-").FullName;
        try
        {
            int pid;
            await using (var sim = await SmapiSimProcess.StartAsync(RepoPaths.Binary("smapi-sim"), ["CNODE1=on", "CNODE2=off"], ["FENCE:secret"], Path.Combine(directory, "sim", "state.json")))
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", sim.Port);

                Assert.That((sim.Guest("CNODE1").State, sim.Guest("CNODE2").State), Is.EqualTo(("on", "off")), sim.StateFileText);
                pid = sim.Pid;
            }

            Assert.That(ProcessTree.Running(pid), Is.False, "smapi-sim still runs after the dispose");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task AStartThatFailsSaysSoWithWhatTheSimulatorPrinted()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SmapiSimProcess.StartAsync(RepoPaths.Binary("smapi-sim"), ["TOOLONGNAME=on"], ["FENCE:secret"]));

        Assert.That(e!.Message, Does.StartWith("smapi-sim did not start listening (exit 2,").And.Contain("smapi-sim: guest 'TOOLONGNAME=on'"));
    }
}
