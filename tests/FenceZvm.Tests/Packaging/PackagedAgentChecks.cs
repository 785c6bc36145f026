using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// What every package's payload must do, once installed or unpacked: fence through its own smapi-sim with the
/// stdin parameters pacemaker sends (status, off, status, on), and fence through pacemaker's fencer.
/// </summary>
internal static class PackagedAgentChecks
{
    private const string User = "PKGUSER";
    private const string Password = "pkg-pw1";

    public static async Task StdinStatusOffOnAsync(string agent, string simulator, string work)
    {
        await using var sim = await SmapiSimProcess.StartAsync(simulator, ["CNODE1=on"], [$"{User}:{Password}"],
            Path.Combine(work, "sim-stdin", "state.json"));
        string Stdin(string action) =>
            $"action={action}\nip=127.0.0.1\nipport={sim.PortText}\nusername={User}\npassword={Password}\nport=CNODE1\ndisable_ssl=1\n";

        var status = await ProcessRunner.RunAsync(agent, [], Stdin("status"));
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        var off = await ProcessRunner.RunAsync(agent, [], Stdin("off"));
        Assert.That(off.ExitCode, Is.Zero, off.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo("off"));
        var statusOff = await ProcessRunner.RunAsync(agent, [], Stdin("status"));
        Assert.That(statusOff.ExitCode, Is.EqualTo(2), statusOff.ToString());
        var on = await ProcessRunner.RunAsync(agent, [], Stdin("on"));
        Assert.That(on.ExitCode, Is.Zero, on.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo("on"));
    }

    /// <summary>stonith_admin --fence through a standalone pacemaker-fenced, with the agent /usr/sbin/<paramref name="agentName"/>.</summary>
    public static async Task FenceThroughPacemakerAsync(string agentName, string simulator, string work)
    {
        await using var sim = await SmapiSimProcess.StartAsync(simulator, ["CNODE1=on"], [$"{User}:{Password}"],
            Path.Combine(work, "sim-fencer", "state.json"));
        await using var fencer = await StandaloneFencer.StartAsync(Path.Combine(work, "fencer"));
        var register = await ClusterCli.StonithAdminAsync(
            "--register", "pkg", "--agent", agentName,
            "--option", "ip=127.0.0.1", "--option", "ipport=" + sim.PortText, "--option", "disable_ssl=1",
            "--option", "username=" + User, "--option", "password=" + Password, "--option", "pcmk_host_map=pkg-node1:CNODE1");
        Assert.That(register.ExitCode, Is.Zero, register.ToString());

        var fence = await ClusterCli.StonithAdminAsync("--fence", "pkg-node1", "--timeout", "30");

        Assert.That(fence.ExitCode, Is.Zero, $"{fence}\n{fencer.Describe()}");
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo("off"), sim.StateFileText);
    }

    /// <summary>The same through /usr/sbin/<paramref name="linkName"/>, a symlink to <paramref name="agent"/> made for the test.</summary>
    public static async Task FenceThroughPacemakerByLinkAsync(string linkName, string agent, string simulator, string work)
    {
        PacemakerRequirements.RequireAll();
        File.Delete(TestAgents.PathOf(linkName));
        File.CreateSymbolicLink(TestAgents.PathOf(linkName), Path.GetFullPath(agent));
        await FenceThroughPacemakerAsync(linkName, simulator, work);
    }

    /// <summary>What a packaging fixture leaves: its scratch directory and, if any, its agent link in /usr/sbin.</summary>
    public static void RemoveScratch(string work, string? linkName = null)
    {
        if (linkName is not null)
        {
            File.Delete(TestAgents.PathOf(linkName));
        }

        if (work.Length > 0 && Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
