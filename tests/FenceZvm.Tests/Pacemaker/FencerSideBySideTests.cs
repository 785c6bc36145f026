using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// The standalone fencer (pacemaker-fenced -s) drives our agent and the reference Python agent, each
/// registered as a device with a host map against a smapi-sim process of its own; after every
/// stonith_admin call the simulators' state files must show the guest in the expected state, the same on both sides.
/// </summary>
[NonParallelizable]
public sealed class FencerSideBySideTests
{
    private const string Timeout = "20";
    private string directory = "";
    private StandaloneFencer? fencer;
    private readonly List<SmapiSimProcess> sims = [];
    private FencerSide ours = null!;
    private FencerSide reference = null!;

    private FencerSide[] Sides => [ours, reference];

    private StandaloneFencer Fencer => fencer ?? throw new InvalidOperationException("no fencer");

    [OneTimeSetUp]
    public async Task StartFencerAndSimulators()
    {
        PacemakerRequirements.RequireAll();
        directory = Directory.CreateTempSubdirectory("fence-zvm-pacemaker-").FullName;
        try
        {
            ours = new FencerSide("ours", TestAgents.Zvmip, await StartSimAsync("ours"));
            reference = new FencerSide("reference", PacemakerRequirements.ReferenceAgentName, await StartSimAsync("reference"));
            fencer = await StandaloneFencer.StartAsync(Path.Combine(directory, "fencer"));
            foreach (FencerSide side in Sides)
            {
                await side.RegisterAsync();
            }
        }
        catch
        {
            // Whatever started is stopped even if NUnit skips the one-time teardown after a failed setup.
            await StopEverything();
            throw;
        }
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        FenceTimings.Write();
        if (fencer is not null)
        {
            await fencer.DisposeAsync();
            fencer.KeepLog(Path.Combine(RepoPaths.Root, "artifacts", "pacemaker-fenced.log"));
            fencer = null;
        }

        foreach (SmapiSimProcess sim in sims)
        {
            await sim.DisposeAsync();
        }

        sims.Clear();
        if (directory.Length > 0 && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task QueryRunsTheMonitorAction()
    {
        foreach (FencerSide side in Sides)
        {
            ProcessResult r = await ClusterCli.StonithAdminAsync("--query", side.Device, "--timeout", Timeout);
            Assert.That(r.ExitCode, Is.Zero, Context(side, r));
        }
    }

    [Test]
    public async Task ListTargetsListsTheSameGuests()
    {
        var lists = new List<string[]>();
        foreach (FencerSide side in Sides)
        {
            ProcessResult r = await ClusterCli.StonithAdminAsync("--list-targets", side.Device, "--timeout", Timeout);
            Assert.That(r.ExitCode, Is.Zero, Context(side, r));
            lists.Add(r.StdoutLines.Select(l => l.Trim()).Order(StringComparer.Ordinal).ToArray());
        }

        Assert.That(lists[0], Does.Contain("CNODE1").And.Contain("CNODE2").And.Contain("CNODE3").And.Contain("SECRET"), "ours");
        Assert.That(lists[0], Is.EqualTo(lists[1]), "ours vs reference");
    }

    [Test]
    public async Task FencePowersTheGuestOff()
    {
        await RunOnBothAsync("fence", "--fence", "CNODE1");
        AssertSameOnBoth("CNODE1", "off", deactivations: 1, activations: 0);
    }

    [Test]
    public async Task UnfencePowersTheGuestOn()
    {
        await RunOnBothAsync("unfence", "--unfence", "CNODE2");
        AssertSameOnBoth("CNODE2", "on", deactivations: 0, activations: 1);
    }

    [Test]
    public async Task RebootPowersTheGuestOffThenOn()
    {
        await RunOnBothAsync("reboot", "--reboot", "CNODE3");
        AssertSameOnBoth("CNODE3", "on", deactivations: 1, activations: 1);
    }

    [Test]
    public async Task RepeatedFencesAgreeAndAreTimed()
    {
        var elapsed = Sides.ToDictionary(s => s.Label, _ => new List<double>());
        foreach (string guest in FencerSide.TimedGuests)
        {
            // Alternate the sides so neither always runs second on a warmer machine.
            foreach (FencerSide side in guest.EndsWith('2') || guest.EndsWith('4') ? Sides.Reverse() : Sides)
            {
                ProcessResult r = await ClusterCli.StonithAdminAsync("--fence", side.Node(guest), "--timeout", Timeout);
                Assert.That(r.ExitCode, Is.Zero, Context(side, r));
                elapsed[side.Label].Add(r.Elapsed.TotalMilliseconds);
            }

            AssertSameOnBoth(guest, "off", deactivations: 1, activations: 0);
        }

        foreach (FencerSide side in Sides)
        {
            FenceTimings.RecordMedian("fence, median of " + FencerSide.TimedGuests.Length, side.Label, side.Agent, elapsed[side.Label]);
        }
    }

    [Test]
    public async Task FenceOfAGuestTheUserMayNotTouchFailsWithOurMessage()
    {
        foreach (FencerSide side in Sides)
        {
            ProcessResult r = await ClusterCli.StonithAdminAsync("--fence", side.Node("SECRET"), "--timeout", Timeout);
            FenceTimings.Record("fence, not authorized", side.Label, side.Agent, r);
            Assert.That(r.ExitCode, Is.Not.Zero, Context(side, r));
            Assert.That(side.Guest("SECRET").State, Is.EqualTo("on"), Context(side, r));
        }

        string[] ourErrors = Fencer.Log.Split('\n')
            .Where(l => l.Contains(TestAgents.Zvmip + "[", StringComparison.Ordinal) && l.Contains("stderr", StringComparison.Ordinal))
            .ToArray();
        Assert.That(ourErrors, Has.Some.Contains("RC 100 RS 16").And.Some.Contains("Image_"), $"our message in the fencer log\n{Fencer.Describe()}");
    }

    [Test]
    public async Task FenceOfANodeMappedToAnUndefinedGuestFailsWithTheReasonInTheLogWhereUpstreamLies()
    {
        ProcessResult oursTypo = await ClusterCli.StonithAdminAsync("--fence", ours.TypoNode, "--timeout", Timeout);
        ProcessResult referenceTypo = await ClusterCli.StonithAdminAsync("--fence", reference.TypoNode, "--timeout", Timeout);
        FenceTimings.Record("fence, host map names an undefined guest", ours.Label, ours.Agent, oursTypo);

        Assert.That(oursTypo.ExitCode, Is.Not.Zero, Context(ours, oursTypo));
        Assert.That(referenceTypo.ExitCode, Is.Zero, "upstream reports the undefined guest fenced: " + Context(reference, referenceTypo));
        string[] ourErrors = Fencer.Log.Split('\n')
            .Where(l => l.Contains(TestAgents.Zvmip + "[", StringComparison.Ordinal) && l.Contains("stderr", StringComparison.Ordinal))
            .ToArray();
        Assert.That(
            ourErrors,
            Has.Some.Contains($"{FencerSide.UndefinedGuest} is not a guest defined").And.Some.Contains($"for node {ours.TypoNode}").And.Some.Contains("pcmk_host_map"),
            $"our reason in the fencer log\n{Fencer.Describe()}");

        // The same device still fences a node its map names correctly.
        ProcessResult good = await ClusterCli.StonithAdminAsync("--fence", ours.Node("CNODE4"), "--timeout", Timeout);
        Assert.That(good.ExitCode, Is.Zero, Context(ours, good));
        Assert.That(ours.Guest("CNODE4").State, Is.EqualTo("off"), Context(ours, good));
    }

    private async Task<SmapiSimProcess> StartSimAsync(string label)
    {
        SmapiSimProcess sim = await SmapiSimProcess.StartAsync(RepoPaths.Binary("smapi-sim"), FencerSide.Guests, FencerSide.Users, Path.Combine(directory, label, "state.json"));
        sims.Add(sim);
        return sim;
    }

    private async Task RunOnBothAsync(string scenario, string action, string guest)
    {
        foreach (FencerSide side in Sides)
        {
            ProcessResult r = await ClusterCli.StonithAdminAsync(action, side.Node(guest), "--timeout", Timeout);
            FenceTimings.Record(scenario, side.Label, side.Agent, r);
            Assert.That(r.ExitCode, Is.Zero, Context(side, r));
        }
    }

    private void AssertSameOnBoth(string guest, string state, int deactivations, int activations)
    {
        Assert.Multiple(() =>
        {
            foreach (FencerSide side in Sides)
            {
                string expected = $"{guest}={state} deactivations={deactivations} activations={activations} recycles=0";
                Assert.That(side.History(guest), Is.EqualTo(expected), $"{side.Label}: {side.Sim.StateFile}\n{side.Sim.StateFileText}\n{Fencer.Describe()}");
            }

            Assert.That(ours.History(guest), Is.EqualTo(reference.History(guest)), "ours vs reference");
        });
    }

    private string Context(FencerSide side, ProcessResult r) =>
        $"through {side.Device} ({side.Agent}): stonith_admin {r}\nsimulator state:\n{side.Sim.StateFileText}\n{Fencer.Describe()}";
}
