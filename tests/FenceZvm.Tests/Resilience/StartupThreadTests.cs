using System.Globalization;
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

    /// <param name="hostThreadCount">
    /// DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT as a host may set it for its own servers: each engine is an
    /// epoll, a pipe and a thread at every agent start, and a value in the thousands ran out of descriptors
    /// before the first connection (the fence failed after 8 s).
    /// </param>
    [TestCase(null)]
    [TestCase("64")]
    public async Task TheAgentRunsOneSocketEventThreadWhateverTheCpuCount(string? hostThreadCount)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["delay:3000"]);
        await using var agent = ProcessRunner.Start(
            RepoPaths.Binary("fence_zvmip"),
            ["-a", "127.0.0.1", "-u", sim.Port.ToString(CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password,
             "--disable-ssl", "-o", "status", "-n", "CNODE1"],
            hostThreadCount is null ? null : new Dictionary<string, string> { ["DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT"] = hostThreadCount });

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
