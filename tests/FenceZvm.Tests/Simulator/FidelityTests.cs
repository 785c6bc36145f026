using FenceZvm.Simulator.Model;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using static FenceZvm.Tests.Support.SimulatorHost;

namespace FenceZvm.Tests.Simulator;

/// <summary>
/// Behaviours of the real server that IBM's own client showed the simulator lacked: Check_Authentication
/// over IUCV, name lists as targets, WITHIN deactivations, recycles that take time.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class FidelityTests
{
    [Test]
    public async Task CheckAuthenticationOverIucvChecksAnyUserButTheCaller()
    {
        string path = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.sock");
        await using var sim = SimulatorHost.Start(o => o with
        {
            IucvSocket = path,
            IucvCaller = "linux9",
            Users = [.. o.Users.Where(u => u.Name != "LINUX9"), SmapiUser.Parse("LINUX9:own-pw:Check_Authentication")],
        });
        var client = new SmapiClient(new UnixSocketTransport(path), new SmapiClientOptions { Timeout = TimeSpan.FromSeconds(5) });

        SmapiResponse anonymous = client.Call(CheckAuthentication.Function.Request(SmapiCredentials.None));
        SmapiResponse self = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("LINUX9", "anything")));
        SmapiResponse right = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("FENCE", "secret")));
        SmapiResponse wrong = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("FENCE", "not-it")));
        SmapiResponse unknown = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("NOBODY", "x")));
        SmapiResponse expired = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("OLD", "pw")));

        Assert.That((anonymous.ReturnCode, self.ReturnCode, right.ReturnCode), Is.EqualTo((0, 0, 0)), "the caller's own id needs no password");
        Assert.That((wrong.ReturnCode, wrong.ReasonCode), Is.EqualTo((120, 0)));
        Assert.That((unknown.ReturnCode, unknown.ReasonCode), Is.EqualTo((120, 0)));
        Assert.That((expired.ReturnCode, expired.ReasonCode), Is.EqualTo((128, 0)));
    }

    [Test]
    public async Task NameListTargetsEveryMemberAndListsEachFailure()
    {
        string list = "CLUSTER_NODES_OF_THE_PRODUCTION_DATABASE_".PadRight(NameList.MaxNameLength, 'X');
        await using var sim = SimulatorHost.Start(o => o with { NameLists = [NameList.Parse($"{list}=CNODE1,CNODE2,NOSUCH")] });
        SmapiClient client = sim.Client();

        SmapiResponse off = client.Call(ImageDeactivate.Function.Request(Fence, list, ForceTime.Immediate));
        ImageOperationResult result = ImageOperationResult.Parse(ImageDeactivate.Function, off, client.Options.Codec);

        Assert.That((off.ReturnCode, off.ReasonCode), Is.EqualTo((200, 32)), "some images in the list not deactivated");
        Assert.That((result.Succeeded, result.Failed), Is.EqualTo((1, 2)));
        Assert.That(result.FailingImages, Is.EqualTo(new[] { new FailingImage("CNODE2", 200, 12), new FailingImage("NOSUCH", 200, 4) }));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Active, Is.False);
    }

    [Test]
    public async Task NameListWhereEveryMemberSucceedsAnswersZero()
    {
        await using var sim = SimulatorHost.Start(o => o with { NameLists = [NameList.Parse("PAIR=CNODE1,CNODE2")] });
        SmapiClient client = sim.Client();

        SmapiResponse on = client.Call(ImageActivate.Function.Request(Fence, "PAIR"));
        SmapiResponse recycle = client.Call(ImageRecycle.Function.Request(Fence, "pair"));
        ImageOperationResult recycled = ImageOperationResult.Parse(ImageRecycle.Function, recycle, client.Options.Codec);

        Assert.That((on.ReturnCode, on.ReasonCode), Is.EqualTo((200, 28)), "CNODE1 was already active");
        Assert.That((recycle.ReturnCode, recycle.ReasonCode, recycled.Succeeded, recycled.Failed), Is.EqualTo((0, 0, 2, 0)));
        Assert.That(sim.Simulator.System.Find("CNODE2")!.Recycles, Is.EqualTo(1));
    }

    [Test]
    public async Task LongTargetThatIsNoNameListIsListNotFound()
    {
        await using var sim = SimulatorHost.Start();
        SmapiResponse r = sim.Client().Call(ImageActivate.Function.Request(Fence, "NOT_A_LIST_BUT_LONG"));
        Assert.That((r.ReturnCode, r.ReasonCode), Is.EqualTo((200, 24)));
    }

    [Test]
    public async Task WithinDeactivationAnswersTheSecondsAndCompletesAfterThem()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse r = client.Call(ImageDeactivate.Function.Request(Fence, "CNODE1", ForceTime.Within(1)));
        bool activeRightAfter = sim.Simulator.System.Find("CNODE1")!.Active;
        await Task.Delay(TimeSpan.FromSeconds(1.3));

        Assert.That((r.ReturnCode, r.ReasonCode), Is.EqualTo((0, 1)));
        Assert.That(activeRightAfter, Is.True, "still shutting down within its second");
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Active, Is.False);
    }

    [Test]
    public async Task RecycleTakesTheConfiguredTimeAndLogsOnAfterTheRequest()
    {
        await using var sim = SimulatorHost.Start(o => o with { RecycleDelay = TimeSpan.FromSeconds(1) });
        SmapiClient client = sim.Client();
        DateTimeOffset requested = DateTimeOffset.UtcNow;

        SmapiResponse r = client.Call(ImageRecycle.Function.Request(Fence, "CNODE1"));
        SmapiResponse during = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        SmapiResponse after = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));

        Assert.That(r.ReturnCode, Is.Zero);
        Assert.That(during.ReasonCode, Is.EqualTo(12), "logged off while recycling");
        Assert.That(after.ReasonCode, Is.Zero);
        GuestSnapshot guest = sim.Simulator.System.Find("CNODE1")!;
        Assert.That(guest.LogoffTime, Is.GreaterThanOrEqualTo(requested));
        Assert.That(guest.LogonTime, Is.GreaterThanOrEqualTo(guest.LogoffTime!.Value + TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task InstantRecycleStillLogsOnStrictlyAfterTheRequest()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        using var system = new ZvmSystem([GuestDefinition.Parse("CNODE1=on")], [], timeProvider: time);
        time.Advance(TimeSpan.FromHours(2));

        Outcome outcome = system.Recycle("CNODE1");

        Assert.That(outcome, Is.EqualTo(Outcome.Ok));
        Assert.That(system.Find("CNODE1")!.LogonTime, Is.GreaterThan(time.GetUtcNow()));
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
