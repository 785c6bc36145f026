using FenceZvm.Simulator.State;
using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.FailoverLab;

/// <summary>
/// A real failover in a two-node cluster whose nodes are the simulator's guests (see <see cref="TwoNodeLab"/>):
/// the surviving node's cluster decides on its own to fence, through the agent, and only then recovers.
/// Run for our agent and for the upstream one (/usr/sbin/fence_zvmip), with the configuration the README
/// documents: one device per node, pcmk_delay_base on cnode1's device against the fence race.
/// A few minutes, as root: ./build.sh test-failover, never part of ./build.sh test or test-cluster.
/// </summary>
[TestFixture(Ours)]
[TestFixture(Upstream)]
[Category(Category)]
[NonParallelizable]
public sealed class FailoverTests(string side)
{
    public const string Category = "Failover";
    public const string Ours = "ours";
    public const string Upstream = "upstream";
    public const string OurAgentName = "fence_zvmip_failover";
    private const int RaceRuns = 3;
    private const string DirectoryPrefix = "fence-zvm-failover-";
    private const string OptIn = "FENCE_ZVM_FAILOVER";
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Longer than pcmk_delay_base: a second, delayed shot of the race would have come by then.</summary>
    private static readonly TimeSpan RaceSettle = TimeSpan.FromSeconds(9);

    private string directory = "";
    private TwoNodeLab? lab;

    private TwoNodeLab Lab => lab ?? throw new InvalidOperationException("no cluster");

    private string Agent => side == Ours ? OurAgentName : PacemakerRequirements.ReferenceAgentName;

    private static string OurAgentPath => Path.Combine("/usr/sbin", OurAgentName);

    [OneTimeSetUp]
    public async Task FormTheCluster()
    {
        RequireTools();
        RemoveLeftovers();
        directory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        try
        {
            if (side == Ours)
            {
                File.Copy(AgentProcess.Path, OurAgentPath);
                File.SetUnixFileMode(OurAgentPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            lab = await TwoNodeLab.StartAsync(directory);
            await WaitAsync("both nodes online", () => Lab.BothOnlineAsync(), FormDeadline);
            await ConfigureAsync();
            await WaitAsync("the resource started on cnode2", async () => await Lab.ResourceNodeAsync() == "cnode2", FormDeadline);
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
        FailoverReport.Write();
        if (lab is not null)
        {
            lab.KeepLogs(Path.Combine(RepoPaths.Root, "artifacts", "failover", side));
            await lab.DisposeAsync();
            lab = null;
        }

        File.Delete(OurAgentPath);
        if (directory.Length > 0 && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task AHungNodeIsFencedAndItsResourceStartsOnTheOther()
    {
        await EnsureHealthyAsync();
        DateTime failure = DateTime.UtcNow;
        await Lab.HangAsync(2);
        await WaitAsync("the resource started on cnode1", async () => await Lab.ResourceNodeAsync() == "cnode1", RecoveryDeadline);

        DateTime fenced = FirstFence(failure, succeeded: true);
        DateTime started = FirstStart(failure);
        Assert.That(Lab.Guest("CNODE2").State, Is.EqualTo("off"), await Lab.DescribeAsync());
        Assert.That((await Lab.AliveAsync(1), await Lab.AliveAsync(2)), Is.EqualTo((true, false)), "cnode2's guest is off, so none of its processes may run");
        Assert.That(started, Is.GreaterThan(fenced), "the resource started before the fence succeeded");
        FailoverReport.Seconds("hung node: failure -> fence result", side, fenced - failure);
        FailoverReport.Seconds("hung node: failure -> resource running", side, started - failure);
    }

    [Test]
    public async Task TheRebootActionBringsTheNodeBackIntoTheCluster()
    {
        await EnsureHealthyAsync();
        GuestRecord before = Lab.Guest("CNODE2");
        await SetStonithActionAsync("reboot");
        try
        {
            DateTime failure = DateTime.UtcNow;
            await Lab.HangAsync(2);
            await WaitAsync("cnode2 fenced", () => Task.FromResult(Lab.Guest("CNODE2").Activations > before.Activations), RecoveryDeadline);
            await WaitAsync("cnode2 back online", () => Lab.BothOnlineAsync(), RecoveryDeadline);
            DateTime rejoined = DateTime.UtcNow;

            GuestRecord after = Lab.Guest("CNODE2");
            Assert.That((after.State, after.Deactivations - before.Deactivations, after.Activations - before.Activations), Is.EqualTo(("on", 1, 1)), await Lab.DescribeAsync());
            Assert.That(await Lab.AliveAsync(2), "cnode2 was not booted again");
            FailoverReport.Seconds("reboot: failure -> fence result", side, FirstFence(failure, succeeded: true) - failure);
            FailoverReport.Seconds("reboot: failure -> cnode2 online again", side, rejoined - failure);
        }
        finally
        {
            await SetStonithActionAsync("off");
        }
    }

    [Test]
    public async Task WithoutSmapiNothingIsRecoveredUntilAFenceSucceeds()
    {
        await EnsureHealthyAsync();
        await Lab.SmapiLinkAsync(1, up: false);
        DateTime failure = DateTime.UtcNow;
        await Lab.HangAsync(2);
        await WaitAsync("two failed fence attempts", () => Task.FromResult(Failures(failure) >= 2), RecoveryDeadline);

        int failed = Failures(failure);
        string? during = await Lab.ResourceNodeAsync();
        string guestDuring = Lab.Guest("CNODE2").State;
        DateTime restored = DateTime.UtcNow;
        await Lab.SmapiLinkAsync(1, up: true);
        await WaitAsync("the resource started on cnode1", async () => await Lab.ResourceNodeAsync() == "cnode1", RecoveryDeadline);

        Assert.That(during, Is.Not.EqualTo("cnode1"), "the resource was recovered while no fence had succeeded");
        Assert.That(guestDuring, Is.EqualTo("on"));
        Assert.That(FirstFence(failure, succeeded: true), Is.GreaterThan(restored));
        Assert.That(FirstStart(failure), Is.GreaterThan(FirstFence(failure, succeeded: true)));
        Assert.That(Lab.Guest("CNODE2").State, Is.EqualTo("off"));
        FailoverReport.Record("SMAPI unreachable: failed fences before it came back", side, failed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        FailoverReport.Seconds("SMAPI back -> resource running", side, FirstStart(failure) - restored);
    }

    [Test]
    public async Task TheFenceRaceLeavesExactlyOneSurvivor()
    {
        int oneSurvivor = 0;
        var outcomes = new List<string>();
        for (int run = 1; run <= RaceRuns; run++)
        {
            await EnsureHealthyAsync();
            await Lab.LinkAsync(up: false);
            await WaitAsync("a guest off", () => Task.FromResult(GuestsOff().Length > 0), RecoveryDeadline);
            await Task.Delay(RaceSettle);

            string[] off = GuestsOff();
            bool[] alive = [await Lab.AliveAsync(1), await Lab.AliveAsync(2)];
            string outcome = $"run {run}: guests off [{string.Join(' ', off)}], nodes alive [{(alive[0] ? "cnode1 " : "")}{(alive[1] ? "cnode2" : "")}]";
            outcomes.Add(outcome);
            TestContext.Progress.WriteLine($"failover {side}: fence race {outcome}");
            if (off.Length == 1 && alive.Count(a => a) == 1 && alive[off[0] == "CNODE1" ? 1 : 0])
            {
                oneSurvivor++;
            }

            await Lab.LinkAsync(up: true);
        }

        FailoverReport.Record("fence race: runs with exactly one survivor", side, $"{oneSurvivor} of {RaceRuns}");
        Assert.That(oneSurvivor, Is.EqualTo(RaceRuns), string.Join('\n', outcomes));
    }

    /// <summary>What a run killed before its teardown left: its agent and directory (lab.sh removes its namespaces and processes).</summary>
    private static void RemoveLeftovers()
    {
        File.Delete(OurAgentPath);
        foreach (string stale in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            Directory.Delete(stale, recursive: true);
        }
    }

    private static void RequireTools()
    {
        // Starting a run removes any other run's namespaces and nodes: only ./build.sh test-failover, which
        // is run under the pacemaker lock, may start one, never a broad filter that happens to match.
        if (Environment.GetEnvironmentVariable(OptIn) != "1")
        {
            Assert.Ignore($"run by ./build.sh test-failover (sets {OptIn}=1)");
        }

        if (PacemakerRequirements.MissingReason() is { } reason)
        {
            Assert.Ignore(reason);
        }

        string[] needed = ["/usr/sbin/corosync", "/usr/sbin/pacemakerd", "/usr/sbin/crm_mon", "/usr/sbin/crm_attribute", "/usr/bin/unshare", "/usr/bin/nsenter", "/usr/bin/ip"];
        string[] missing = needed.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            Assert.Ignore($"missing {string.Join(", ", missing)}: install corosync, pacemaker, util-linux and iproute2 (.ci/run does)");
        }
    }

    /// <summary>One device per node; the one that fences cnode1 waits, so in a race cnode1 shoots first.</summary>
    private async Task ConfigureAsync()
    {
        string common = $"ip={TwoNodeLab.SmapiAddress} disable_ssl=1 username={TwoNodeLab.User} password={TwoNodeLab.Password}";
        string script = $"""
            set -e
            cd '{directory}'
            cibadmin --query >orig.xml
            cp orig.xml cib.xml
            pcs -f cib.xml property set stonith-action=off
            pcs -f cib.xml stonith create fence-cnode1 {Agent} {common} pcmk_host_map=cnode1:CNODE1 pcmk_delay_base=5s
            pcs -f cib.xml stonith create fence-cnode2 {Agent} {common} pcmk_host_map=cnode2:CNODE2
            pcs -f cib.xml resource create {TwoNodeLab.Resource} ocf:pacemaker:Dummy op monitor interval=10s
            pcs -f cib.xml constraint location {TwoNodeLab.Resource} prefers cnode2=100
            pcs cluster cib-push cib.xml diff-against=orig.xml
            """;
        // pcs starts a Python interpreter per call: several seconds each on a loaded machine.
        ProcessResult r = await Lab.InNodeAsync(1, TimeSpan.FromMinutes(3), "sh", "-c", script);
        Assert.That(r.ExitCode, Is.Zero, $"configuring the cluster: {r}");
    }

    private async Task SetStonithActionAsync(string action)
    {
        ProcessResult r = await Lab.InNodeAsync(1, "crm_attribute", "--type", "crm_config", "--name", "stonith-action", "--update", action);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    /// <summary>Both links up, both guests on and their nodes in the cluster, the resource on cnode2.</summary>
    private async Task EnsureHealthyAsync()
    {
        await Lab.LinkAsync(up: true);
        await Lab.SmapiLinkAsync(1, up: true);
        await Lab.SmapiLinkAsync(2, up: true);
        foreach (string guest in GuestsOff())
        {
            ProcessResult on = await Lab.AgentAsync(Agent, "-o", "on", "-n", guest);
            Assert.That(on.ExitCode, Is.Zero, $"powering {guest} on: {on}");
        }

        await WaitAsync("both nodes online and the resource on cnode2", async () => await Lab.BothOnlineAsync() && await Lab.ResourceNodeAsync() == "cnode2", FormDeadline);
    }

    private string[] GuestsOff() => [.. new[] { "CNODE1", "CNODE2" }.Where(g => Lab.Guest(g).State == "off")];

    private int Failures(DateTime after) => PacemakerLog.FenceResults(Lab.PacemakerLog(1), "cnode2", succeeded: false, after).Count;

    private DateTime FirstFence(DateTime after, bool succeeded) =>
        PacemakerLog.FenceResults(Lab.PacemakerLog(1), "cnode2", succeeded, after) is [var first, ..] ? first
            : throw new AssertionException($"no {(succeeded ? "successful" : "failed")} fence of cnode2 in {Lab.PacemakerLog(1)}");

    /// <summary>When the resource agent's start on cnode1 succeeded.</summary>
    private DateTime FirstStart(DateTime after) =>
        PacemakerLog.ResourceStarts(Lab.PacemakerLog(1), TwoNodeLab.Resource, after) is [var first, ..] ? first
            : throw new AssertionException($"no start of {TwoNodeLab.Resource} in {Lab.PacemakerLog(1)}");

    private async Task WaitAsync(string what, Func<Task<bool>> condition, TimeSpan deadline)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > deadline)
            {
                Assert.Fail($"{side}: not {what} within {deadline.TotalSeconds} s\n{await Lab.DescribeAsync()}");
            }

            await Task.Delay(200);
        }
    }
}
