using System.Buffers;
using FenceZvm.Smapi.Protocol;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Response 1 and response 2 read from whatever has arrived, in one or many segments.</summary>
public class ResponseParserTests
{
    public static IEnumerable<TestCaseData> Examples()
    {
        yield return new TestCaseData(SpecResponses.DeactivateFailingArray, 0x1235u, 200, 32, 35).SetArgDisplayNames("deactivate");
        yield return new TestCaseData(SpecResponses.StatusQueryStar, 0x1234u, 0, 0, 26).SetArgDisplayNames("status");
        yield return new TestCaseData(SpecResponses.NotAuthorized, 0x42u, 100, 16, 0).SetArgDisplayNames("bare");
    }

    /// <summary>Reads both responses; the whole of <paramref name="buffer"/> must be consumed.</summary>
    private static SmapiResponse ReadBoth(ReadOnlySequence<byte> buffer)
    {
        Assert.That(ResponseParser.TryReadRequestId(ref buffer, out uint requestId), Is.True);
        Assert.That(ResponseParser.TryReadOutput(ref buffer, requestId, ResponseLimits.DefaultMaxOutputLength, out SmapiResponse? response), Is.True);
        Assert.That(buffer.Length, Is.Zero);
        return response!;
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
        AssertResponse(ReadBoth(new ReadOnlySequence<byte>(wire)), wire, id, rc, rs, outputLength);

    [TestCaseSource(nameof(Examples))]
    public void TwoSegmentsSplitAtEveryPosition(byte[] wire, uint id, int rc, int rs, int outputLength)
    {
        for (int cut = 0; cut <= wire.Length; cut++)
        {
            AssertResponse(ReadBoth(Wire.SplitAt(wire, cut)), wire, id, rc, rs, outputLength);
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void OneByteSegments(byte[] wire, uint id, int rc, int rs, int outputLength) =>
        AssertResponse(ReadBoth(Wire.SplitAt(wire, [.. Enumerable.Range(1, wire.Length - 1)])), wire, id, rc, rs, outputLength);

    [TestCaseSource(nameof(Examples))]
    public void IncompleteInputReturnsFalseAndConsumesNothing(byte[] wire, uint id, int rc, int rs, int outputLength)
    {
        for (int have = 0; have < 4; have++)
        {
            var buffer = Wire.SplitAt(wire[..have], have / 2);
            Assert.That(ResponseParser.TryReadRequestId(ref buffer, out _), Is.False);
            Assert.That(buffer.Length, Is.EqualTo(have));
        }

        for (int have = 4; have < wire.Length; have++)
        {
            var buffer = Wire.SplitAt(wire[..have], have / 2);
            Assert.That(ResponseParser.TryReadRequestId(ref buffer, out uint requestId), Is.True);
            Assert.That(requestId, Is.EqualTo(id));
            long left = buffer.Length;
            Assert.That(ResponseParser.TryReadOutput(ref buffer, requestId, ResponseLimits.DefaultMaxOutputLength, out SmapiResponse? response), Is.False, $"{have} bytes");
            Assert.That(response, Is.Null);
            Assert.That(buffer.Length, Is.EqualTo(left));
        }
    }

    [Test]
    public void BytesAfterResponse2AreLeftInTheBuffer()
    {
        byte[] wire = Wire.Concat(SpecResponses.NotAuthorized, Wire.Bytes("DEADBEEF"));
        var buffer = new ReadOnlySequence<byte>(wire);

        Assert.That(ResponseParser.TryReadRequestId(ref buffer, out uint id), Is.True);
        Assert.That(ResponseParser.TryReadOutput(ref buffer, id, ResponseLimits.DefaultMaxOutputLength, out _), Is.True);
        Assert.That(buffer.ToArray(), Is.EqualTo(Wire.Bytes("DEADBEEF")));
    }

    [Test]
    public void RequestIdIsAnOpaqueUnsignedValue()
    {
        var buffer = new ReadOnlySequence<byte>(Wire.Bytes("FFFFFFFE"));

        Assert.That(ResponseParser.TryReadRequestId(ref buffer, out uint id), Is.True);
        Assert.That(id, Is.EqualTo(0xFFFFFFFEu));
    }

    [Test]
    public void ResponseFramerBuildsTheSpecImage()
    {
        byte[] output = SpecResponses.StatusQueryStar[20..];

        Assert.That(
            Wire.Concat(ResponseFramer.RequestId(0x1234), ResponseFramer.Output(0x1234, 0, 0, output)),
            Is.EqualTo(SpecResponses.StatusQueryStar));
    }
}
