using FenceZvm.Fuzz;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Smapi;

/// <summary>Response 1 and response 2 read from a stream by the client's reader, in one piece or many.</summary>
public class ResponseReaderTests
{
    public static IEnumerable<TestCaseData> Examples()
    {
        yield return new TestCaseData(SpecResponses.DeactivateFailingArray, 0x1235u, 200, 32, 35).SetArgDisplayNames("deactivate");
        yield return new TestCaseData(SpecResponses.StatusQueryStar, 0x1234u, 0, 0, 26).SetArgDisplayNames("status");
        yield return new TestCaseData(SpecResponses.NotAuthorized, 0x42u, 100, 16, 0).SetArgDisplayNames("bare");
    }

    /// <summary>Reads both responses; the whole of <paramref name="stream"/> must be consumed.</summary>
    private static SmapiResponse ReadBoth(FragmentedStream stream, int frameLength)
    {
        uint requestId = ResponseReader.ReadRequestId(stream, null);
        Assert.That(stream.Consumed, Is.EqualTo(4));
        SmapiResponse response = ResponseReader.ReadOutput(stream, requestId, ResponseLimits.DefaultMaxOutputLength, null);
        Assert.That(stream.Consumed, Is.EqualTo(frameLength));
        return response;
    }

    private static void AssertResponse(SmapiResponse response, byte[] wire, uint id, int rc, int rs, int outputLength)
    {
        Assert.That(response.RequestId, Is.EqualTo(id));
        Assert.That(response.ReturnCode, Is.EqualTo(rc));
        Assert.That(response.ReasonCode, Is.EqualTo(rs));
        Assert.That(response.Output.ToArray(), Is.EqualTo(wire[20..]));
        Assert.That(response.Output.Length, Is.EqualTo(outputLength));
    }

    [TestCaseSource(nameof(Examples))]
    public void OneSegment(byte[] wire, uint id, int rc, int rs, int outputLength) =>
        AssertResponse(ReadBoth(new FragmentedStream(wire), wire.Length), wire, id, rc, rs, outputLength);

    [TestCaseSource(nameof(Examples))]
    public void TwoFragmentsSplitAtEveryPosition(byte[] wire, uint id, int rc, int rs, int outputLength)
    {
        for (int cut = 0; cut <= wire.Length; cut++)
        {
            AssertResponse(ReadBoth(new FragmentedStream(wire, cut), wire.Length), wire, id, rc, rs, outputLength);
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void OneByteFragments(byte[] wire, uint id, int rc, int rs, int outputLength) =>
        AssertResponse(ReadBoth(new FragmentedStream(wire, [.. Enumerable.Range(1, wire.Length - 1)]), wire.Length), wire, id, rc, rs, outputLength);

    [TestCaseSource(nameof(Examples))]
    public void BytesAfterResponse2AreLeftUnread(byte[] wire, uint id, int rc, int rs, int outputLength)
    {
        byte[] after = Wire.Bytes("DEADBEEF");
        byte[] sent = Wire.Concat(wire, after);
        foreach (var stream in new[] { new FragmentedStream(sent), new FragmentedStream(sent, [.. Enumerable.Range(1, sent.Length - 1)]) })
        {
            AssertResponse(ReadBoth(stream, wire.Length), wire, id, rc, rs, outputLength);
            Assert.That(stream.Unread, Is.EqualTo(after));
        }
    }

    [Test]
    public void EveryReadIsBoundedFirst()
    {
        byte[] wire = SpecResponses.StatusQueryStar;
        var stream = new FragmentedStream(wire, [.. Enumerable.Range(1, wire.Length - 1)]);
        var bound = new CountingBound(stream);

        uint id = ResponseReader.ReadRequestId(stream, bound);
        ResponseReader.ReadOutput(stream, id, ResponseLimits.DefaultMaxOutputLength, bound);

        Assert.That(stream.Reads, Is.EqualTo(wire.Length));
        Assert.That(bound.Calls, Is.EqualTo(stream.Reads));
    }

    [Test]
    public void ABoundThatThrowsEndsTheReadBeforeTheStreamIsRead()
    {
        byte[] wire = SpecResponses.StatusQueryStar;
        var stream = new FragmentedStream(wire, [.. Enumerable.Range(1, wire.Length - 1)]);
        var bound = new CountingBound(stream) { ThrowOnCall = 3 };

        Assert.Throws<TimeoutException>(() => ResponseReader.ReadRequestId(stream, bound));
        Assert.That(stream.Reads, Is.EqualTo(2));
        Assert.That(stream.Consumed, Is.EqualTo(2));
    }

    [Test]
    public void RequestIdIsAnOpaqueUnsignedValue() =>
        Assert.That(ResponseReader.ReadRequestId(new FragmentedStream(Wire.Bytes("FFFFFFFE")), null), Is.EqualTo(0xFFFFFFFEu));

    [Test]
    public void ResponseFramerBuildsTheSpecImage()
    {
        byte[] output = SpecResponses.StatusQueryStar[20..];

        Assert.That(
            Wire.Concat(ResponseFramer.RequestId(0x1234), ResponseFramer.Output(0x1234, 0, 0, output)),
            Is.EqualTo(SpecResponses.StatusQueryStar));
    }

    /// <summary>Counts the calls, checks each is about the stream being read, and throws at a chosen one (a timeout).</summary>
    private sealed class CountingBound(Stream expected) : IReadBound
    {
        public int Calls { get; private set; }

        public int ThrowOnCall { get; init; }

        public void BoundNextCall(Stream stream)
        {
            Assert.That(stream, Is.SameAs(expected));
            if (++Calls == ThrowOnCall)
            {
                throw new TimeoutException();
            }
        }
    }
}
