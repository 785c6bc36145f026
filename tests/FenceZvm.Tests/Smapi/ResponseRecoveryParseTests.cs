using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Response_Recovery: RC 0 carries the lost response 2 body; RC 4 means nothing is kept.</summary>
public class ResponseRecoveryParseTests
{
    private static readonly byte[] LostBody = SpecResponses.DeactivateFailingArray[8..];

    [Test]
    public void Rc0GivesTheOriginalResponse()
    {
        SmapiResponse recovery = new(0x2000, 0, 0, LostBody);
        SmapiResponse? original = ResponseRecovery.Parse(recovery, 0x1235);

        Assert.That(original, Is.Not.Null);
        Assert.That((original!.RequestId, original.ReturnCode, original.ReasonCode), Is.EqualTo((0x1235u, 200, 32)));
        Assert.That(original.Output.ToArray(), Is.EqualTo(LostBody[12..]));
        Assert.That(
            ImageOperationResult.Parse(ImageDeactivate.Function, original, TextCodecs.Ascii).FailingImages.Single(),
            Is.EqualTo(new FailingImage("LINUX09", 200, 12)));
    }

    [Test]
    public void Rc0WithTheBareBodyGivesNoOutput()
    {
        SmapiResponse? original = ResponseRecovery.Parse(new SmapiResponse(0x2000, 0, 0, Wire.Bytes("00001235 00000000 00000000")), 0x1235);

        Assert.That(original!.Output.IsEmpty, Is.True);
        Assert.That(original.Succeeded, Is.True);
    }

    [TestCase(4, 4)]
    [TestCase(4, 28)]
    public void Rc4IsNull(int rc, int rs) =>
        Assert.That(ResponseRecovery.Parse(new SmapiResponse(0x2000, rc, rs, ReadOnlyMemory<byte>.Empty), 0x1235), Is.Null);

    [Test]
    public void BodyForAnotherRequestIsAMismatch()
    {
        var e = Assert.Throws<SmapiProtocolException>(() => ResponseRecovery.Parse(new SmapiResponse(0x2000, 0, 0, LostBody), 0x1234));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.RequestIdMismatch));
    }

    [Test]
    public void BodyTooShortForAResponseIsMalformed()
    {
        var e = Assert.Throws<SmapiProtocolException>(() => ResponseRecovery.Parse(new SmapiResponse(0x2000, 0, 0, LostBody[..11]), 0x1235));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.MalformedOutput));
    }
}
