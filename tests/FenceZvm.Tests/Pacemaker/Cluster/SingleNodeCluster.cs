using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker.Cluster;

/// <summary>
/// corosync and pacemakerd in the foreground, one node on loopback, logs in a directory of the test's.
/// Stopped by PID: pacemakerd first (it stops its daemons), then corosync; then the CIB is cleared.
/// </summary>
public sealed class SingleNodeCluster : IAsyncDisposable
{
    private static readonly TimeSpan CorosyncDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan OnlineDeadline = TimeSpan.FromSeconds(90);
    private readonly string directory;
    private BackgroundProcess? corosync;
    private BackgroundProcess? pacemakerd;

    private SingleNodeCluster(string directory) => this.directory = directory;

    public string PacemakerLog => Path.Combine(directory, "pacemaker.log");

    public static async Task<SingleNodeCluster> StartAsync(string directory)
    {
        var cluster = new SingleNodeCluster(directory);
        try
        {
            await cluster.StartCorosyncAsync();
            await cluster.StartPacemakerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>For failure messages: the cluster status and the end of the pacemaker log.</summary>
    public string Describe(int lines = 60)
    {
        string log = File.Exists(PacemakerLog) ? string.Join('\n', File.ReadAllLines(PacemakerLog).TakeLast(lines)) : "(no log)";
        string status = ProcessRunner.RunAsync("/usr/sbin/crm_mon", ["-1"], timeout: TimeSpan.FromSeconds(20)).GetAwaiter().GetResult().Stdout;
        return $"crm_mon -1:\n{status}\nlast {lines} lines of {PacemakerLog}:\n{log}";
    }

    public async ValueTask DisposeAsync()
    {
        if (pacemakerd is not null)
        {
            await pacemakerd.DisposeAsync();
        }

        if (corosync is not null)
        {
            await corosync.DisposeAsync();
        }

        ClusterState.Clear();
    }

    private async Task StartCorosyncAsync()
    {
        string config = CorosyncConfig.Write(directory);
        corosync = ProcessRunner.Start("/usr/sbin/corosync", ["-f", "-c", config]);
        bool up = false;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!up && !corosync.HasExited && watch.Elapsed < CorosyncDeadline)
        {
            up = (await ProcessRunner.RunAsync("/usr/sbin/corosync-cmapctl", ["totem.cluster_name"], timeout: TimeSpan.FromSeconds(10))).ExitCode == 0;
            if (!up)
            {
                await Task.Delay(200);
            }
        }

        Assert.That(up, $"corosync did not come up within {CorosyncDeadline.TotalSeconds} s\n{corosync.Output}\n{Tail("corosync.log")}");
    }

    private async Task StartPacemakerAsync()
    {
        ProcessResult log = await ProcessRunner.RunAsync("/usr/bin/install", ["-o", "hacluster", "-g", "haclient", "-m", "0660", "/dev/null", PacemakerLog]);
        Assert.That(log.ExitCode, Is.Zero, log.ToString());
        // The agents pacemaker runs log to the machine's syslog, as in a real cluster.
        var environment = new Dictionary<string, string> { ["PCMK_logfile"] = PacemakerLog, ["PCMK_logfacility"] = "none", [ChildProcessDefaults.SyslogVariable] = string.Empty };
        pacemakerd = ProcessRunner.Start("/usr/sbin/pacemakerd", ["-f"], environment);
        bool online = false;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!online && !pacemakerd.HasExited && watch.Elapsed < OnlineDeadline)
        {
            ProcessResult status = await ProcessRunner.RunAsync("/usr/sbin/crm_mon", ["-1"], timeout: TimeSpan.FromSeconds(20));
            online = status.ExitCode == 0 && status.Stdout.Contains($"Online: [ {CorosyncConfig.NodeName} ]", StringComparison.Ordinal);
            if (!online)
            {
                await Task.Delay(500);
            }
        }

        Assert.That(online, $"{CorosyncConfig.NodeName} not online within {OnlineDeadline.TotalSeconds} s\n{pacemakerd.Output}\n{Describe()}");
    }

    private string Tail(string file)
    {
        string path = Path.Combine(directory, file);
        return File.Exists(path) ? string.Join('\n', File.ReadAllLines(path).TakeLast(30)) : $"(no {file})";
    }
}
