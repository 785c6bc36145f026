using FenceZvm.Simulator.Model;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using static FenceZvm.Tests.Support.SimulatorHost;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class FunctionTests
{
    [Test]
    public async Task StatusQuerySingleTargetIsActiveInactiveOrUndefined()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse on = client.Call(ImageStatusQuery.Function.Request(Fence, "cnode1"));
        SmapiResponse off = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE2"));
        SmapiResponse undefined = client.Call(ImageStatusQuery.Function.Request(Fence, "NOSUCH"));

        Assert.That((on.ReturnCode, on.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((off.ReturnCode, off.ReasonCode), Is.EqualTo((0, 12)));
        Assert.That((undefined.ReturnCode, undefined.ReasonCode), Is.EqualTo((0, 12)));
    }

    [Test]
    public async Task StatusQueryStarListsActiveGuestsAndNameQueryListsDefinedOnes()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse active = client.Call(ImageStatusQuery.Function.Request(Fence, "*"));
        SmapiResponse defined = client.Call(ImageNameQueryDm.Function.Request(Fence, "FOOBAR"));

        Assert.That(active.ReturnCode, Is.Zero);
        Assert.That(ImageNameList.Parse(ImageStatusQuery.Function, active, client.Options.Codec), Is.EquivalentTo(new[] { "CNODE1", "CNODE3" }));
        Assert.That(ImageNameList.Parse(ImageNameQueryDm.Function, defined, client.Options.Codec), Is.EquivalentTo(new[] { "CNODE1", "CNODE2", "CNODE3" }));
    }

    [Test]
    public async Task DeactivateThenActivateChangesStateAndCounters()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse off = client.Call(ImageDeactivate.Function.Request(Fence, "CNODE1", ForceTime.Immediate));
        ImageOperationResult offResult = ImageOperationResult.Parse(ImageDeactivate.Function, off, client.Options.Codec);
        SmapiResponse status = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));
        SmapiResponse on = client.Call(ImageActivate.Function.Request(Fence, "CNODE1"));

        Assert.That((off.ReturnCode, offResult.Succeeded, offResult.Failed, offResult.FailingImages.Count), Is.EqualTo((0, 1, 0, 0)));
        Assert.That(status.ReasonCode, Is.EqualTo(12));
        Assert.That(on.ReturnCode, Is.Zero);
        GuestSnapshot guest = sim.Simulator.System.Find("CNODE1")!;
        Assert.That((guest.Active, guest.Activations, guest.Deactivations), Is.EqualTo((true, 1, 1)));
    }

    [TestCase("Image_Activate", "CNODE1", 200, 8)]
    [TestCase("Image_Activate", "NOSUCH", 200, 4)]
    [TestCase("Image_Deactivate", "CNODE2", 200, 12)]
    [TestCase("Image_Deactivate", "NOSUCH", 200, 4)]
    [TestCase("Image_Recycle", "CNODE2", 200, 12)]
    [TestCase("Image_Recycle", "NOSUCH", 200, 4)]
    public async Task ImageOperationFailuresCarryTheImageInTheFailingArray(string function, string target, int rc, int rs)
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();
        SmapiRequest request = function switch
        {
            "Image_Activate" => ImageActivate.Function.Request(Fence, target),
            "Image_Deactivate" => ImageDeactivate.Function.Request(Fence, target, ForceTime.Immediate),
            _ => ImageRecycle.Function.Request(Fence, target),
        };

        SmapiResponse response = client.Call(request);
        ImageOperationResult result = ImageOperationResult.Parse(request.Function, response, client.Options.Codec);

        Assert.That((response.ReturnCode, response.ReasonCode), Is.EqualTo((rc, rs)));
        Assert.That((result.Succeeded, result.Failed), Is.EqualTo((0, 1)));
        Assert.That(result.FailingImages, Is.EqualTo(new[] { new FailingImage(target, rc, rs) }));
    }

    [TestCase("WITHIN 30", 0)]
    [TestCase("BY 23:59", 0)]
    [TestCase("BY 23:59:30", 0)]
    [TestCase("SOON", 24)]
    [TestCase("WITHIN 0", 24)]
    [TestCase("BY 25:00", 24)]
    public async Task DeactivateChecksTheForceTime(string forceTime, int rc)
    {
        await using var sim = SimulatorHost.Start();
        var request = new SmapiRequest(ImageDeactivate.Function, Fence, "CNODE1", RequestParameter.OfText(forceTime));

        SmapiResponse response = sim.Client().Call(request);

        Assert.That(response.ReturnCode, Is.EqualTo(rc));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.State == GuestState.On, Is.EqualTo(rc != 0), "accepted: off, or shutting down within its WITHIN time");
    }

    [Test]
    public async Task RecycleKeepsTheGuestActiveWithANewLogonTime()
    {
        await using var sim = SimulatorHost.Start();
        DateTimeOffset before = sim.Simulator.System.Find("CNODE1")!.LogonTime!.Value;
        await Task.Delay(20);

        SmapiResponse response = sim.Client().Call(ImageRecycle.Function.Request(Fence, "CNODE1"));

        GuestSnapshot guest = sim.Simulator.System.Find("CNODE1")!;
        Assert.That(response.ReturnCode, Is.Zero);
        Assert.That((guest.Active, guest.Recycles), Is.EqualTo((true, 1)));
        Assert.That(guest.LogonTime, Is.GreaterThan(before));
    }

    [Test]
    public async Task CheckAuthenticationAndFunctionalLevel()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse good = client.Call(CheckAuthentication.Function.Request(Fence));
        SmapiResponse bad = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("FENCE", "wrong")));
        SmapiResponse unknown = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("NOBODY", "secret")));
        SmapiResponse expired = client.Call(CheckAuthentication.Function.Request(new SmapiCredentials("OLD", "pw")));
        SmapiResponse level = client.Call(QueryApiFunctionalLevel.Function.Request(Fence, "FENCE"));

        Assert.That((good.ReturnCode, good.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((bad.ReturnCode, bad.ReasonCode), Is.EqualTo((120, 0)));
        Assert.That((unknown.ReturnCode, unknown.ReasonCode), Is.EqualTo((120, 0)));
        Assert.That((expired.ReturnCode, expired.ReasonCode), Is.EqualTo((128, 0)));
        Assert.That((level.ReturnCode, level.ReasonCode), Is.EqualTo((0, 640)));
    }

    [Test]
    public async Task AuthorizationIsPerFunctionAndTarget()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();
        var limited = new SmapiCredentials("LIMITED", "pw");

        SmapiResponse allowed = client.Call(ImageStatusQuery.Function.Request(limited, "CNODE1"));
        SmapiResponse otherTarget = client.Call(ImageStatusQuery.Function.Request(limited, "CNODE2"));
        SmapiResponse otherFunction = client.Call(ImageDeactivate.Function.Request(limited, "CNODE1", ForceTime.Immediate));
        SmapiResponse nameQuery = client.Call(ImageNameQueryDm.Function.Request(limited, "CNODE1"));

        Assert.That((allowed.ReturnCode, allowed.ReasonCode), Is.EqualTo((0, 0)));
        Assert.That((otherTarget.ReturnCode, otherTarget.ReasonCode), Is.EqualTo((100, 16)));
        Assert.That((otherFunction.ReturnCode, otherFunction.ReasonCode), Is.EqualTo((100, 16)));
        Assert.That((nameQuery.ReturnCode, nameQuery.ReasonCode), Is.EqualTo((100, 16)));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Active, Is.True);
    }

    [Test]
    public async Task QueryActivateTimeGivesIsoDateAndTime()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        SmapiResponse active = client.Call(ImageQueryActivateTime.Function.Request(Fence, "CNODE1"));
        SmapiResponse inactive = client.Call(ImageQueryActivateTime.Function.Request(Fence, "CNODE2"));
        SmapiResponse undefined = client.Call(ImageQueryActivateTime.Function.Request(Fence, "NOSUCH"));
        SmapiResponse badFormat = client.Call(ImageQueryActivateTime.Function.Request(Fence, "CNODE1", 9));

        ActivationTime time = ActivationTime.Parse(active, client.Options.Codec);
        DateTimeOffset logon = sim.Simulator.System.Find("CNODE1")!.LogonTime!.Value;
        Assert.That(time, Is.EqualTo(new ActivationTime("CNODE1", logon.ToString("yyyy-MM-dd"), logon.ToString("HH:mm:ss"))));
        Assert.That((inactive.ReturnCode, inactive.ReasonCode), Is.EqualTo((200, 12)));
        Assert.That((undefined.ReturnCode, undefined.ReasonCode), Is.EqualTo((200, 4)));
        Assert.That(badFormat.ReturnCode, Is.EqualTo(24));
    }

    [Test]
    public async Task ResponseRecoveryOfAnUnknownIdIsRc4Rs4()
    {
        await using var sim = SimulatorHost.Start();

        SmapiResponse response = sim.Client().Call(ResponseRecovery.Function.Request(Fence, "FENCE", 987654));

        Assert.That((response.ReturnCode, response.ReasonCode), Is.EqualTo((4, 4)));
        Assert.That(ResponseRecovery.Parse(response, 987654), Is.Null);
    }

    [Test]
    public async Task ResponseRecoveryReturnsAKeptResponseBody()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();
        SmapiResponse original = client.Call(ImageStatusQuery.Function.Request(Fence, "*"));

        SmapiResponse recovery = client.Call(ResponseRecovery.Function.Request(Fence, "FENCE", original.RequestId));
        SmapiResponse? recovered = ResponseRecovery.Parse(recovery, original.RequestId);

        Assert.That(recovered, Is.Not.Null);
        Assert.That((recovered!.RequestId, recovered.ReturnCode, recovered.ReasonCode), Is.EqualTo((original.RequestId, 0, 0)));
        Assert.That(recovered.Output.ToArray(), Is.EqualTo(original.Output.ToArray()));
    }

    [Test]
    public async Task ConcurrentRequestsGetDistinctIncreasingIds()
    {
        await using var sim = SimulatorHost.Start();
        SmapiClient client = sim.Client();

        // The exchange holds its thread: each call gets one of its own (not a pool thread, which the
        // in-process simulator needs).
        SmapiResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(_ => Task.Factory.StartNew(
                () => client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1")),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)));
        SmapiResponse later = client.Call(ImageStatusQuery.Function.Request(Fence, "CNODE1"));

        uint[] ids = responses.Select(r => r.RequestId).ToArray();
        Assert.That(ids, Is.Unique);
        Assert.That(later.RequestId, Is.GreaterThan(ids.Max()));
        Assert.That(responses.All(r => r.ReturnCode == 0), Is.True);
    }
}
