using FenceZvm.Fuzz;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Smapi;

/// <summary>
/// What the reader makes of a bad response: output_length refused from its 4 bytes alone, before any
/// allocation; a mismatched id; and a connection that closes in each part, with the client's messages.
/// </summary>
public class ResponseReaderErrorTests
{
    private const int OneMiB = 1024 * 1024;

    /// <summary>Stands for whatever a server might send after the output length; the reader must not touch it.</summary>
    private static readonly byte[] Poison = [.. Enumerable.Repeat((byte)0xDE, 64)];

    public static IEnumerable<TestCaseData> Examples()
    {
        yield return new TestCaseData(SpecResponses.DeactivateFailingArray).SetArgDisplayNames("deactivate");
        yield return new TestCaseData(SpecResponses.StatusQueryStar).SetArgDisplayNames("status");
        yield return new TestCaseData(SpecResponses.NotAuthorized).SetArgDisplayNames("bare");
    }

    [TestCase(11, ProtocolError.OutputLengthTooSmall)]
    [TestCase(0, ProtocolError.OutputLengthTooSmall)]
    [TestCase(-1, ProtocolError.OutputLengthTooSmall)]
    [TestCase(int.MinValue, ProtocolError.OutputLengthTooSmall)]
    [TestCase(int.MaxValue, ProtocolError.OutputLengthTooLarge)]
    [TestCase(OneMiB + 1, ProtocolError.OutputLengthTooLarge)]
    public void BadOutputLengthIsRefusedFromTheLengthWordAloneBeforeAnyAllocation(int outputLength, ProtocolError error)
    {
        var stream = new FragmentedStream(Wire.Concat(Wire.Int(outputLength), Poison));

        SmapiProtocolException? refused = null;
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            ResponseReader.ReadOutput(stream, 1, ResponseLimits.DefaultMaxOutputLength, null);
        }
        catch (SmapiProtocolException e)
        {
            refused = e;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(refused?.Error, Is.EqualTo(error));
        Assert.That(stream.Consumed, Is.EqualTo(4));
        Assert.That(allocated, Is.LessThan(64 * 1024), "nothing the size of the declared output was allocated");
    }

    [TestCase(12)]
    [TestCase(OneMiB)]
    public void TheBoundsThemselvesAreAcceptedAndTheBodyIsRead(int outputLength)
    {
        var stream = new FragmentedStream(Wire.Int(outputLength));

        var e = Assert.Throws<SmapiProtocolException>(() => ResponseReader.ReadOutput(stream, 1, ResponseLimits.DefaultMaxOutputLength, null));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.ShortRead));
        Assert.That(e.Message, Is.EqualTo($"SMAPI response: connection closed after 0 of the {outputLength} bytes of the output"));
    }

    [Test]
    public void TheBoundIsTheCallersLimit()
    {
        var stream = new FragmentedStream(Wire.Concat(Wire.Int(13), Poison));

        var e = Assert.Throws<SmapiProtocolException>(() => ResponseReader.ReadOutput(stream, 1, 12, null));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.OutputLengthTooLarge));
        Assert.That(e.Message, Is.EqualTo("SMAPI response: output length 13 exceeds the limit of 12 bytes"));
    }

    [Test]
    public void MismatchedRequestIdThrowsAfterTheWholeFrame()
    {
        byte[] response2 = SpecResponses.DeactivateFailingArray[4..];
        var stream = new FragmentedStream(Wire.Concat(response2, Poison));

        var e = Assert.Throws<SmapiProtocolException>(
            () => ResponseReader.ReadOutput(stream, 0x1234, ResponseLimits.DefaultMaxOutputLength, null));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.RequestIdMismatch));
        Assert.That(e.Message, Is.EqualTo("SMAPI response: request id 4661 in the output does not match request id 4660 acknowledged by the server"));
        Assert.That(stream.Consumed, Is.EqualTo(response2.Length));
    }

    [TestCaseSource(nameof(Examples))]
    public void ClosedBeforeTheRequestIdIsWholeIsALostConnection(byte[] wire)
    {
        for (int have = 0; have < 4; have++)
        {
            foreach (FragmentedStream stream in Streams(wire[..have]))
            {
                var e = Assert.Throws<EndOfStreamException>(() => ResponseReader.ReadRequestId(stream, null));
                Assert.That(e!.Message, Is.EqualTo($"connection closed after {have} of the 4 bytes of the request id"));
            }
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void ClosedRightAfterTheRequestIdIsALostConnection(byte[] wire)
    {
        foreach (FragmentedStream stream in Streams(wire[..4]))
        {
            uint id = ResponseReader.ReadRequestId(stream, null);
            var e = Assert.Throws<EndOfStreamException>(() => ResponseReader.ReadOutput(stream, id, ResponseLimits.DefaultMaxOutputLength, null));
            Assert.That(e!.Message, Is.EqualTo("connection closed after the request id, before any byte of the response"));
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void ClosedInsideTheOutputLengthIsAShortRead(byte[] wire)
    {
        for (int have = 5; have < 8; have++)
        {
            foreach (FragmentedStream stream in Streams(wire[..have]))
            {
                uint id = ResponseReader.ReadRequestId(stream, null);
                var e = Assert.Throws<SmapiProtocolException>(() => ResponseReader.ReadOutput(stream, id, ResponseLimits.DefaultMaxOutputLength, null));
                Assert.That(e!.Error, Is.EqualTo(ProtocolError.ShortRead));
                Assert.That(e.Message, Is.EqualTo($"SMAPI response: connection closed after {have - 4} of the 4 bytes of the output length"));
            }
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void ClosedInsideTheOutputIsAShortRead(byte[] wire)
    {
        for (int have = 8; have < wire.Length; have++)
        {
            foreach (FragmentedStream stream in Streams(wire[..have]))
            {
                uint id = ResponseReader.ReadRequestId(stream, null);
                var e = Assert.Throws<SmapiProtocolException>(() => ResponseReader.ReadOutput(stream, id, ResponseLimits.DefaultMaxOutputLength, null));
                Assert.That(e!.Error, Is.EqualTo(ProtocolError.ShortRead));
                Assert.That(e.Message, Is.EqualTo($"SMAPI response: connection closed after {have - 8} of the {wire.Length - 8} bytes of the output"));
                Assert.That(stream.Consumed, Is.EqualTo(have));
            }
        }
    }

    [Test]
    public void ParseBodyRefusesABodyShorterThanTwelveBytes()
    {
        var e = Assert.Throws<SmapiProtocolException>(() => ResponseParser.ParseBody(Wire.Bytes("00001234 00000000"), 0x1234));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.OutputLengthTooSmall));
    }

    /// <summary>The same bytes in one piece and one byte at a time.</summary>
    private static FragmentedStream[] Streams(byte[] data) =>
        [new FragmentedStream(data), new FragmentedStream(data, [.. Enumerable.Range(1, Math.Max(0, data.Length - 1))])];
}
