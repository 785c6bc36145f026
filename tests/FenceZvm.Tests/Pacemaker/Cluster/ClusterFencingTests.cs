using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker.Cluster;

/// <summary>
/// A full single-node corosync + pacemaker cluster: pcs creates a stonith resource with our agent,
/// the cluster starts it (monitor), and fence requests go through the cluster's fencer.
/// About 40 s, so not part of ./build.sh test: run by ./build.sh test-cluster.
/// </summary>
[Category(Category)]
[NonParallelizable]
public sealed class ClusterFencingTests
{
    public const string Category = "Cluster";
    private const string Resource = "zvmfence";
    private static readonly TimeSpan StartedDeadline = TimeSpan.FromSeconds(60);
    private string directory = "";
    private SmapiSimProcess? sim;
    private SingleNodeCluster? cluster;

    private SmapiSimProcess Sim => sim ?? throw new InvalidOperationException("no simulator");

    private SingleNodeCluster Cluster => cluster ?? throw new InvalidOperationException("no cluster");

    [OneTimeSetUp]
    public async Task StartClusterWithAStonithResource()
    {
        PacemakerRequirements.RequireAll();
        RequireClusterStack();
        directory = Directory.CreateTempSubdirectory("fence-zvm-cluster-").FullName;
        try
        {
            sim = await SmapiSimProcess.StartAsync(RepoPaths.Binary("smapi-sim"), ["CNODE1=on", "CNODE2=on"], [$"{FencerSide.User}:{FencerSide.Password}"], Path.Combine(directory, "sim", "state.json"));
            cluster = await SingleNodeCluster.StartAsync(directory);
            await CreateStonithResourceAsync();
        }
        catch
        {
            await StopEverything();
            throw;
        }
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            cluster = null;
        }

        if (sim is not null)
        {
            await sim.DisposeAsync();
            sim = null;
        }

        if (directory.Length > 0 && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task TheClusterFencesANodeWithOurAgent()
    {
        ProcessResult r = await ClusterCli.StonithAdminAsync("--fence", "cnode1", "--timeout", "30");
        TestContext.Progress.WriteLine($"cluster: stonith_admin --fence cnode1 through {TestAgents.Zvmip}: {r.Elapsed.TotalMilliseconds:0} ms, exit {r.ExitCode}");
        Assert.That(r.ExitCode, Is.Zero, Context(r));
        Assert.That(Sim.Guest("CNODE1").State, Is.EqualTo("off"), Context(r));
        Assert.That(Sim.Guest("CNODE2").State, Is.EqualTo("on"), Context(r));
    }

    [Test]
    public async Task TheClusterRebootsANodeWithOurAgent()
    {
        ProcessResult r = await ClusterCli.StonithAdminAsync("--reboot", "cnode2", "--timeout", "30");
        Assert.That(r.ExitCode, Is.Zero, Context(r));
        Assert.That((Sim.Guest("CNODE2").State, Sim.Guest("CNODE2").Deactivations, Sim.Guest("CNODE2").Activations), Is.EqualTo(("on", 1, 1)), Context(r));
    }

    private static void RequireClusterStack()
    {
        string[] needed = ["/usr/sbin/corosync", "/usr/sbin/corosync-cmapctl", "/usr/sbin/pacemakerd", "/usr/sbin/crm_mon", "/usr/sbin/cibadmin"];
        string[] missing = needed.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            Assert.Ignore($"missing {string.Join(", ", missing)}: install the Debian packages corosync and pacemaker (./build.sh test does as root)");
        }

        if (ClusterState.ExistingCib() is { } cib)
        {
            Assert.Ignore($"{cib} exists: this machine has (or had) a cluster, and these tests would replace its configuration; remove /var/lib/pacemaker/cib/cib* to run them");
        }
    }

    private async Task CreateStonithResourceAsync()
    {
        string original = Path.Combine(directory, "orig.xml");
        string edited = Path.Combine(directory, "cib.xml");
        ProcessResult query = await ProcessRunner.RunAsync("/usr/sbin/cibadmin", ["--query"]);
        Assert.That(query.ExitCode, Is.Zero, query.ToString());
        File.WriteAllText(original, query.Stdout);
        File.WriteAllText(edited, query.Stdout);

        ProcessResult create = await ClusterCli.PcsAsync(
            "-f", edited, "stonith", "create", Resource, TestAgents.Zvmip,
            "ip=127.0.0.1", "ipport=" + Sim.PortText, "disable_ssl=1",
            "username=" + FencerSide.User, "password=" + FencerSide.Password,
            "pcmk_host_map=cnode1:CNODE1;cnode2:CNODE2");
        Assert.That(create.ExitCode, Is.Zero, $"pcs stonith create: {create}");
        ProcessResult push = await ClusterCli.PcsAsync("cluster", "cib-push", edited, "diff-against=" + original);
        Assert.That(push.ExitCode, Is.Zero, $"pcs cluster cib-push: {push}\n{Cluster.Describe()}");

        bool started = false;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!started && watch.Elapsed < StartedDeadline)
        {
            ProcessResult status = await ProcessRunner.RunAsync("/usr/sbin/crm_mon", ["-1"], timeout: TimeSpan.FromSeconds(20));
            started = status.Stdout.Split('\n').Any(l => l.Contains(Resource, StringComparison.Ordinal) && l.Contains("Started", StringComparison.Ordinal));
            if (!started)
            {
                await Task.Delay(500);
            }
        }

        Assert.That(started, $"{Resource} not started within {StartedDeadline.TotalSeconds} s\n{Cluster.Describe()}");
    }

    private string Context(ProcessResult r) =>
        $"stonith_admin {r}\nsimulator state:\n{Sim.StateFileText}\n{Cluster.Describe()}";
}
