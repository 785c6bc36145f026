using System.Buffers;
using FenceZvm.Smapi.Protocol;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Bad output_length values are refused from the 4 length bytes alone, before any allocation.</summary>
public class ResponseParserErrorTests
{
    private const int OneMiB = 1024 * 1024;

    [TestCase(11, ProtocolError.OutputLengthTooSmall)]
    [TestCase(0, ProtocolError.OutputLengthTooSmall)]
    [TestCase(-1, ProtocolError.OutputLengthTooSmall)]
    [TestCase(int.MinValue, ProtocolError.OutputLengthTooSmall)]
    [TestCase(int.MaxValue, ProtocolError.OutputLengthTooLarge)]
    [TestCase(OneMiB + 1, ProtocolError.OutputLengthTooLarge)]
    public void BadOutputLengthThrowsWithOnlyTheLengthWordPresent(int outputLength, ProtocolError error)
    {
        var buffer = new ReadOnlySequence<byte>(Wire.Int(outputLength));

        var e = Assert.Throws<SmapiProtocolException>(
            () => ResponseParser.TryReadOutput(ref buffer, 1, ResponseLimits.DefaultMaxOutputLength, out _));
        Assert.That(e!.Error, Is.EqualTo(error));
    }

    [Test]
    public void TheBoundsThemselvesAreAcceptedAndWaitForTheBody()
    {
        foreach (int outputLength in new[] { 12, OneMiB })
        {
            var buffer = new ReadOnlySequence<byte>(Wire.Int(outputLength));
            Assert.That(ResponseParser.TryReadOutput(ref buffer, 1, ResponseLimits.DefaultMaxOutputLength, out _), Is.False);
        }
    }

    [Test]
    public void TheBoundIsTheCallersLimit()
    {
        var buffer = new ReadOnlySequence<byte>(Wire.Int(13));

        var e = Assert.Throws<SmapiProtocolException>(() => ResponseParser.TryReadOutput(ref buffer, 1, 12, out _));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.OutputLengthTooLarge));
    }

    [Test]
    public void MismatchedRequestIdThrows()
    {
        var buffer = new ReadOnlySequence<byte>(SpecResponses.DeactivateFailingArray[4..]);

        var e = Assert.Throws<SmapiProtocolException>(
            () => ResponseParser.TryReadOutput(ref buffer, 0x1234, ResponseLimits.DefaultMaxOutputLength, out _));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.RequestIdMismatch));
    }

    [Test]
    public void ParseBodyRefusesABodyShorterThanTwelveBytes()
    {
        var e = Assert.Throws<SmapiProtocolException>(() => ResponseParser.ParseBody(Wire.Bytes("00001234 00000000"), 0x1234));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.OutputLengthTooSmall));
    }
}
