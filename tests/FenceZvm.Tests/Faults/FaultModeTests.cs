using System.Diagnostics;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Faults;

/// <summary>The client against every fault the simulator injects: the right failure, never a hang.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class FaultModeTests
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Test]
    public async Task RefuseWithoutCountIsConnectFailed()
    {
        SmapiTransportException e = await FailWith<SmapiTransportException>("refuse");

        Assert.That(e.Failure, Is.EqualTo(TransportFailure.ConnectFailed));
        Assert.That(e.Message, Does.Contain("Unable to connect").And.Contain("connection refused"));
        Assert.That(e.RequestId, Is.Null);
    }

    [Test]
    public async Task RefuseWithCountResetsTheConnectionBeforeAnyRequestId()
    {
        SmapiTransportException e = await FailWith<SmapiTransportException>("refuse*1");

        Assert.That(e.Failure, Is.AnyOf(TransportFailure.ConnectFailed, TransportFailure.ConnectionClosed), "a reset right after accept may race the connect completion");
        Assert.That(e.RequestId, Is.Null);
    }

    [Test]
    public async Task CloseBeforeRequestIdIsConnectionClosedWithoutRequestId()
    {
        SmapiTransportException e = await FailWith<SmapiTransportException>("close-before-request-id");

        Assert.That(e.Failure, Is.EqualTo(TransportFailure.ConnectionClosed));
        Assert.That(e.Message, Does.Contain("before the request id arrived"));
        Assert.That(e.RequestId, Is.Null);
    }

    [TestCase("close-after-request-id")]
    [TestCase("drop-after-work")]
    public async Task ALostResponseAfterTheRequestIdCarriesTheRequestId(string fault)
    {
        SmapiTransportException e = await FailWith<SmapiTransportException>(fault);

        Assert.That(e.Failure, Is.EqualTo(TransportFailure.ConnectionClosed));
        Assert.That(e.Message, Does.Contain("before the response arrived"));
        Assert.That(e.RequestId, Is.Not.Null);
        Assert.That(e.ResponseLost, Is.True);
    }

    [Test]
    public async Task SilenceTimesOutWaitingForTheRequestId()
    {
        SmapiTransportException e = await FailWith<SmapiTransportException>("silence");

        Assert.That(e.Failure, Is.EqualTo(TransportFailure.Timeout));
        Assert.That(e.Message, Does.Contain("timed out after 0.5 s waiting for the request id"));
        Assert.That(e.RequestId, Is.Null);
    }

    [Test]
    public async Task ALongDelayTimesOutWaitingForTheResponseWithTheRequestId()
    {
        SmapiTransportException e = await FailWith<SmapiTransportException>("delay:2500");

        Assert.That(e.Failure, Is.EqualTo(TransportFailure.Timeout));
        Assert.That(e.Message, Does.Contain("waiting for the response"));
        Assert.That(e.RequestId, Is.Not.Null);
    }

    [TestCase("wrong-request-id", ProtocolError.RequestIdMismatch)]
    [TestCase("output-length-negative", ProtocolError.OutputLengthTooSmall)]
    [TestCase("output-length-zero", ProtocolError.OutputLengthTooSmall)]
    [TestCase("output-length-eleven", ProtocolError.OutputLengthTooSmall)]
    [TestCase("output-length-huge", ProtocolError.OutputLengthTooLarge)]
    [TestCase("truncated", ProtocolError.ShortRead)]
    public async Task FramingViolationsAreDistinctProtocolErrors(string fault, ProtocolError error)
    {
        SmapiProtocolException e = await FailWith<SmapiProtocolException>(fault);

        Assert.That(e.Error, Is.EqualTo(error));
        Assert.That(e.Message, Does.StartWith("SMAPI response:"));
    }

    [TestCase("fragment")]
    [TestCase("garbage")]
    [TestCase("delay:50")]
    public async Task HarmlessOdditiesStillSucceed(string fault)
    {
        await using var sim = SimulatorHost.StartWithFaults(fault);

        SmapiResponse response = sim.Client(TimeSpan.FromSeconds(2)).Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "*"));

        Assert.That(response.ReturnCode, Is.Zero);
        Assert.That(ImageNameList.Parse(ImageStatusQuery.Function, response, sim.Client().Options.Codec), Is.EquivalentTo(new[] { "CNODE1", "CNODE3" }));
    }

    [Test]
    public async Task AReturnCodeOverrideIsAnsweredWithoutDoingTheWork()
    {
        await using var sim = SimulatorHost.StartWithFaults("rc:900/99@Image_Deactivate#CNODE1*1");
        SmapiClient client = sim.Client(ClientTimeout);

        SmapiResponse first = client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));
        bool activeAfterFirst = sim.Simulator.System.Find("CNODE1")!.Active;
        SmapiResponse second = client.Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));

        Assert.That((first.ReturnCode, first.ReasonCode), Is.EqualTo((900, 99)));
        Assert.That(first.Describe(ImageDeactivate.Function), Does.Contain("reissue"));
        Assert.That(activeAfterFirst, Is.True);
        Assert.That((second.ReturnCode, second.ReasonCode), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task AReturnCodeAfterWorkIsAnsweredAfterDoingTheWork()
    {
        await using var sim = SimulatorHost.StartWithFaults("rc-after-work:900/40@Image_Deactivate#CNODE1*1");
        SmapiResponse first = sim.Client(ClientTimeout).Call(ImageDeactivate.Function.Request(SimulatorHost.Fence, "CNODE1", ForceTime.Immediate));

        Assert.That((first.ReturnCode, first.ReasonCode), Is.EqualTo((900, 40)));
        Assert.That(sim.Simulator.System.Find("CNODE1")!.Active, Is.False);
    }

    [Test]
    public async Task AFaultForOneGuestLeavesOthersAlone()
    {
        await using var sim = SimulatorHost.StartWithFaults("rc:200/16#CNODE3");
        SmapiClient client = sim.Client(ClientTimeout);

        SmapiResponse other = client.Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE1"));
        SmapiResponse faulted = client.Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE3"));

        Assert.That(other.ReturnCode, Is.Zero);
        Assert.That((faulted.ReturnCode, faulted.ReasonCode), Is.EqualTo((200, 16)));
    }

    private static async Task<T> FailWith<T>(string fault)
        where T : Exception
    {
        await using var sim = SimulatorHost.StartWithFaults(fault);
        SmapiClient client = sim.Client(ClientTimeout);
        var watch = Stopwatch.StartNew();

        T e = Assert.Throws<T>(() => client.Call(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE1")))!;

        Assert.That(watch.Elapsed, Is.LessThan(Bound), $"{fault}: the client must give up within its timeout plus a margin");
        Assert.That(e.Message, Does.Not.Contain("\n"));
        return e;
    }
}
