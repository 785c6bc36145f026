using System.Text.RegularExpressions;
using FenceZvm.Simulator.State;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.FailoverLab;

/// <summary>
/// Two cluster nodes (cnode1, cnode2) whose power is the SMAPI simulator's guests CNODE1 and CNODE2: lab.sh
/// builds the namespaces, and the simulator's guest hook runs lab.sh to kill or boot a node when its guest
/// goes off or on. Everything is stopped by PID or namespace name in <see cref="DisposeAsync"/>, and
/// leftovers of an earlier run are removed before starting.
/// </summary>
public sealed partial class TwoNodeLab : IAsyncDisposable
{
    public const string User = "FENCEUSR";
    public const string Password = "fence-pw1";
    public const string SmapiAddress = "127.78.0.1";
    public const string Resource = "dummy";
    private static readonly TimeSpan SimDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CliDeadline = TimeSpan.FromSeconds(30);
    private readonly string directory;
    private BackgroundProcess? sim;

    private TwoNodeLab(string directory) => this.directory = directory;

    public static string Script => Path.Combine(RepoPaths.Root, "tests", "FenceZvm.Tests", "FailoverLab", "lab.sh");

    public string StateFile => Path.Combine(directory, "state.json");

    public string HookLog => Path.Combine(directory, "hook.log");

    public string SimOutput => sim?.Output ?? "";

    public static string PacemakerLogOf(string directory, int node) => Path.Combine(directory, $"node{node}", "log", "pacemaker.log");

    public string PacemakerLog(int node) => PacemakerLogOf(directory, node);

    /// <summary>Namespaces, the simulator (both guests on) and both nodes booted; not yet waited for.</summary>
    public static async Task<TwoNodeLab> StartAsync(string directory)
    {
        await RemoveLeftoversAsync(directory);
        var lab = new TwoNodeLab(directory);
        try
        {
            await lab.RunAsync("up");
            await lab.StartSimAsync();
            await lab.RunAsync("power", "1", "on");
            await lab.RunAsync("power", "2", "on");
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Nodes, simulator and namespaces of an earlier run that did not clean up (killed test host).</summary>
    public static Task RemoveLeftoversAsync(string directory) =>
        ProcessRunner.RunAsync(Script, ["down", directory], timeout: CliDeadline);

    public Task<ProcessResult> InNodeAsync(int node, params string[] command) => InNodeAsync(node, CliDeadline, command);

    public Task<ProcessResult> InNodeAsync(int node, TimeSpan timeout, params string[] command) =>
        ProcessRunner.RunAsync(Script, ["in", directory, Number(node), .. command], timeout: timeout);

    /// <summary>A fence agent run from the simulator's namespace (as an operator would, outside the cluster).</summary>
    public Task<ProcessResult> AgentAsync(string agent, params string[] arguments) =>
        ProcessRunner.RunAsync(Script, ["sim", directory, agent, "-a", SmapiAddress, "-l", User, "-p", Password, "--disable-ssl", .. arguments], timeout: CliDeadline);

    public async Task<bool> AliveAsync(int node) => (await ProcessRunner.RunAsync(Script, ["alive", directory, Number(node)], timeout: CliDeadline)).ExitCode == 0;

    public Task HangAsync(int node) => RunAsync("hang", Number(node));

    public Task LinkAsync(bool up) => RunAsync("link", up ? "up" : "down");

    public Task SmapiLinkAsync(int node, bool up) => RunAsync("smapi", Number(node), up ? "up" : "down");

    public GuestRecord Guest(string guest) => StateFileWriter.Read(StateFile).Guests.Single(g => g.Name == guest);

    /// <summary>crm_mon -1 as node <paramref name="node"/> sees the cluster ("" when the node is off).</summary>
    public async Task<string> StatusAsync(int node = 1) => (await InNodeAsync(node, "crm_mon", "-1")).Stdout;

    /// <summary>Where node <paramref name="node"/> sees the dummy resource started, or null.</summary>
    public async Task<string?> ResourceNodeAsync(int node = 1)
    {
        Match m = StartedOn().Match(await StatusAsync(node));
        return m.Success ? m.Groups[1].Value : null;
    }

    public async Task<bool> BothOnlineAsync() => (await StatusAsync()).Contains("Online: [ cnode1 cnode2 ]", StringComparison.Ordinal);

    /// <summary>For failure messages: both nodes' status, the simulator's state and hook log, the end of both pacemaker logs.</summary>
    public async Task<string> DescribeAsync(int lines = 25)
    {
        var text = new System.Text.StringBuilder();
        foreach (int node in (int[])[1, 2])
        {
            text.AppendLine($"--- crm_mon -1 on cnode{node}:\n{await StatusAsync(node)}");
            string log = PacemakerLog(node);
            string tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).Where(l => l.Contains("notice", StringComparison.Ordinal) || l.Contains("error", StringComparison.Ordinal)).TakeLast(lines)) : "(no log)";
            text.AppendLine($"--- last notices of {log}:\n{tail}");
        }

        text.AppendLine($"--- simulator state:\n{(File.Exists(StateFile) ? File.ReadAllText(StateFile) : "(none)")}");
        text.AppendLine($"--- hook log:\n{(File.Exists(HookLog) ? File.ReadAllText(HookLog) : "(none)")}");
        text.AppendLine($"--- simulator output:\n{SimOutput}");
        return text.ToString();
    }

    /// <summary>Copies the node logs and hook log where they survive the run.</summary>
    public void KeepLogs(string target)
    {
        Directory.CreateDirectory(target);
        foreach (int node in (int[])[1, 2])
        {
            foreach (string file in (string[])["pacemaker.log", "corosync.log", "boot.log"])
            {
                string source = Path.Combine(directory, $"node{node}", "log", file);
                if (File.Exists(source))
                {
                    File.Copy(source, Path.Combine(target, $"cnode{node}-{file}"), overwrite: true);
                }
            }
        }

        if (File.Exists(HookLog))
        {
            File.Copy(HookLog, Path.Combine(target, "hook.log"), overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sim is not null)
        {
            await sim.DisposeAsync();
            sim = null;
        }

        await ProcessRunner.RunAsync(Script, ["down", directory], timeout: CliDeadline);
    }

    private static string Number(int node) => node.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task StartSimAsync()
    {
        string hook = $"'{Script}' hook '{directory}'";
        sim = ProcessRunner.Start(Script,
        [
            "sim", directory, RepoPaths.Binary("smapi-sim"), "--listen", $"{SmapiAddress}:44444", "--state-file", StateFile,
            "--guest", "CNODE1=on", "--guest", "CNODE2=on", "--user", $"{User}:{Password}", "--guest-hook", hook,
        ]);
        if (!await Poll.UntilAsync(() => sim.HasExited || sim.Output.Contains("listening tcp", StringComparison.Ordinal), SimDeadline) || sim.HasExited)
        {
            Assert.Fail($"smapi-sim did not start in its namespace within {SimDeadline.TotalSeconds} s:\n{sim.Output}");
        }
    }

    private async Task RunAsync(params string[] arguments)
    {
        ProcessResult r = await ProcessRunner.RunAsync(Script, [arguments[0], directory, .. arguments[1..]], timeout: CliDeadline);
        Assert.That(r.ExitCode, Is.Zero, $"lab.sh {string.Join(' ', arguments)}: {r}");
    }

    [GeneratedRegex(@"\bdummy\s+\(ocf:pacemaker:Dummy\):\s+Started (cnode\d)(?!\s*\(UNCLEAN\))")]
    private static partial Regex StartedOn();
}
