using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Image_Activate / Image_Deactivate / Image_Recycle output: counts and the failing array.</summary>
public class ImageOperationResultTests
{
    private static SmapiResponse Response(byte[] output) => new(0x1235, 200, 32, output);

    private static ImageOperationResult Parse(byte[] output) =>
        ImageOperationResult.Parse(ImageDeactivate.Function, Response(output), TextCodecs.Ascii);

    [Test]
    public void SpecExampleGivesCountsAndTheFailingImage()
    {
        ImageOperationResult result = Parse(SpecResponses.DeactivateFailingArray[20..]);

        Assert.That(result.Succeeded, Is.EqualTo(1));
        Assert.That(result.Failed, Is.EqualTo(1));
        Assert.That(result.FailingImages, Is.EqualTo(new[] { new FailingImage("LINUX09", 200, 12) }));
        Assert.That(result.Response.ReasonCode, Is.EqualTo(32));
    }

    [Test]
    public void EmptyOutputGivesZeroCounts()
    {
        ImageOperationResult result = Parse([]);

        Assert.That((result.Succeeded, result.Failed), Is.EqualTo((0, 0)));
        Assert.That(result.FailingImages, Is.Empty);
    }

    [Test]
    public void CountsWithoutAnArrayAndAnEmptyArrayAreAccepted()
    {
        Assert.That(Parse(Wire.Bytes("00000002 00000000")).Succeeded, Is.EqualTo(2));
        Assert.That(Parse(Wire.Bytes("00000002 00000000 00000000")).FailingImages, Is.Empty);
    }

    [Test]
    public void ExtraBytesInsideAnEntryAreSkipped()
    {
        ImageOperationResult result = Parse(Wire.Bytes(
            "00000000 00000002 00000030 00000017 00000007 'LINUX09' 000000c8 0000000c EEEEEEEE 00000011 00000005 'LINUX' 000000c8 00000010"));

        Assert.That(result.FailingImages, Is.EqualTo(new[] { new FailingImage("LINUX09", 200, 12), new FailingImage("LINUX", 200, 16) }));
    }

    [TestCase("00000001", TestName = "only the succeeded count")]
    [TestCase("00000001 00000001 000000ff 00000013", TestName = "array length past the end")]
    [TestCase("00000001 00000001 fffffff0", TestName = "negative array length")]
    [TestCase("00000001 00000001 00000017 000000ff 00000007 'LINUX09' 000000c8 0000000c", TestName = "entry length past the array")]
    [TestCase("00000001 00000001 00000017 ffffffff 00000007 'LINUX09' 000000c8 0000000c", TestName = "negative entry length")]
    [TestCase("00000001 00000001 00000010 0000000c 00000000 000000c8 0000000c", TestName = "name length 0")]
    [TestCase("00000001 00000001 00000019 00000015 00000009 'LINUX0999' 000000c8 0000000c", TestName = "name length 9")]
    [TestCase("00000001 00000001 00000017 00000013 fffffff9 'LINUX09' 000000c8 0000000c", TestName = "negative name length")]
    [TestCase("00000001 00000001 00000017 00000013 00000040 'LINUX09' 000000c8 0000000c", TestName = "name length past the entry")]
    [TestCase("00000001 00000001 00000013 0000000f 00000007 'LINUX09' 000000c8", TestName = "entry without reason code")]
    [TestCase("00000001 00000001 00000002 0000", TestName = "array shorter than an entry length")]
    public void MalformedOutputIsAProtocolError(string output)
    {
        var e = Assert.Throws<SmapiProtocolException>(() => Parse(Wire.Bytes(output)));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.MalformedOutput));
        Assert.That(e.Message, Does.StartWith("Image_Deactivate: malformed output"));
    }
}
