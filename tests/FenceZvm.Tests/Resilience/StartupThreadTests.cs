using System.Globalization;
using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// The runtime starts its socket event threads with the first socket, as many as there are CPUs when
/// completions run inline. The agent makes one connection at a time and asks for one thread, so a
/// large guest does not pay for dozens at every start. (On a one-CPU machine this cannot fail.)
/// </summary>
public sealed class StartupThreadTests
{
    private const string SocketThreadName = ".NET Sockets";

    [Test]
    public async Task TheAgentRunsOneSocketEventThreadWhateverTheCpuCount()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["delay:3000"]);
        await using var agent = BackgroundProcess.Start(
            RepoPaths.Binary("fence_zvmip"),
            ["-a", "127.0.0.1", "-u", sim.Port.ToString(CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password,
             "--disable-ssl", "-o", "status", "-n", "CNODE1"],
            new Dictionary<string, string> { ["FENCE_ZVM_SYSLOG_SOCKET"] = "/nonexistent/fence-zvm-test-syslog" });

        // The agent is now waiting for the delayed answer; the threads exist once the first one is named.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (SocketThreads(agent.Pid) == 0 && !agent.HasExited && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        Assert.That(SocketThreads(agent.Pid), Is.EqualTo(1), $"{Environment.ProcessorCount} CPUs; {agent.Output}");
    }

    private static int SocketThreads(int pid)
    {
        int count = 0;
        try
        {
            foreach (string task in Directory.GetDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == SocketThreadName)
                    {
                        count++;
                    }
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The process ended.
        }

        return count;
    }
}
