using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>A malformed request is answered with the server's RC/RS (spec 6.2, RC 900 and RC 24).</summary>
public class RequestDecoderErrorTests
{
    private static readonly byte[] Deactivate = Wire.Bytes(
        "00000040 00000010 'Image_Deactivate' 00000008 'FENCEUSR' 00000008 'passw0rd' 00000007 'LINUX01' 00000005 'IMMED'");

    private static byte[] Framed(params byte[][] fields)
    {
        byte[] body = Wire.Concat(fields);
        return Wire.Concat(Wire.Int(body.Length), body);
    }

    private static void AssertRejected(byte[] frame, int rc, int rs, ITextCodec? codec = null)
    {
        var e = Assert.Throws<SmapiRequestDecodeException>(() => RequestDecoder.DecodeFrame(frame, codec ?? TextCodecs.Ascii));
        Assert.That((e!.ReturnCode, e.ReasonCode), Is.EqualTo((rc, rs)), e.Message);
    }

    [Test]
    public void TheSpecImageDecodes() =>
        Assert.That(RequestDecoder.DecodeFrame(Deactivate, TextCodecs.Ascii).Target, Is.EqualTo("LINUX01"));

    [TestCase(0x3F)]
    [TestCase(0x41)]
    [TestCase(0)]
    [TestCase(-1)]
    public void InputLengthMismatchIs900_20(int inputLength)
    {
        byte[] frame = (byte[])Deactivate.Clone();
        Wire.Int(inputLength).CopyTo(frame, 0);
        AssertRejected(frame, 900, 20);
    }

    [Test]
    public void FramesShorterThanTheLengthWordAre900_20()
    {
        AssertRejected([], 900, 20);
        AssertRejected([0, 0, 0], 900, 20);
        AssertRejected(Wire.Int(0), 900, 20);
    }

    [Test]
    public void UnknownFunctionIs900_12() =>
        AssertRejected(Framed(Wire.Str("Image_Explode"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str("LINUX01")), 900, 12);

    [Test]
    public void WrongCaseFunctionNameIs900_12() =>
        AssertRejected(Framed(Wire.Str("image_deactivate"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str("LINUX01"), Wire.Str("IMMED")), 900, 12);

    [Test]
    public void FieldLengthPastTheEndIs900_20()
    {
        AssertRejected(Framed(Wire.Str("Image_Activate"), Wire.Int(1000), Wire.Bytes("'FENCEUSR'")), 900, 20);
        AssertRejected(Framed(Wire.Str("Image_Activate"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Int(8), Wire.Bytes("'LINUX01'")), 900, 20);
        AssertRejected(Framed(Wire.Int(-4), Wire.Bytes("'Image_Activate'")), 900, 20);
    }

    [Test]
    public void FrameEndingBeforeAFieldIs900_20()
    {
        AssertRejected(Framed(Wire.Str("Image_Activate"), Wire.Str("FENCEUSR"), Wire.Str("pw")), 900, 20);
        AssertRejected(Framed(Wire.Str("Response_Recovery"), Wire.Str(""), Wire.Str(""), Wire.Str("MAINT"), Wire.Bytes("0000 12")), 900, 20);
        AssertRejected(Framed(Wire.Str("Image_Query_Activate_Time"), Wire.Str(""), Wire.Str(""), Wire.Str("LINUX01")), 900, 20);
    }

    [Test]
    public void UserOfNineCharactersIs24_213() =>
        AssertRejected(Framed(Wire.Str("Image_Activate"), Wire.Str("FENCEUSR9"), Wire.Str("pw"), Wire.Str("LINUX01")), 24, 213);

    [Test]
    public void TargetOfNineCharactersIs24_413() =>
        AssertRejected(Framed(Wire.Str("Image_Status_Query"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str("LINUX0123")), 24, 413);

    [Test]
    public void ImageOperationTakesANameListOf64CharactersButNot65()
    {
        string list = new('L', 64);
        DecodedRequest decoded = RequestDecoder.DecodeFrame(Framed(Wire.Str("Image_Activate"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str(list)), TextCodecs.Ascii);
        Assert.That(decoded.Target, Is.EqualTo(list));
        AssertRejected(Framed(Wire.Str("Image_Recycle"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str(list + "L")), 24, 413);
    }

    [Test]
    public void TrailingBytesAre900_20()
    {
        AssertRejected(Framed(Wire.Str("Image_Activate"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str("LINUX01"), [0x00]), 900, 20);
        AssertRejected(Framed(Wire.Str("Check_Authentication"), Wire.Str("FENCEUSR"), Wire.Str("pw"), Wire.Str("LINUX01")), 900, 20);
    }

    [Test]
    public void AsciiFrameReadByTheEbcdicCodecIs900_12() =>
        AssertRejected(Deactivate, 900, 12, TextCodecs.Ebcdic);

    [Test]
    public void EbcdicFrameReadByTheAsciiCodecIs900_12()
    {
        byte[] ebcdic = Framed(
            Wire.Int(14), Wire.Bytes("C9 94 81 87 85 6D C1 83 A3 89 A5 81 A3 85"), Wire.Str(""), Wire.Str(""), Wire.Int(7), Wire.Bytes("D3C9D5E4E7F0F1"));
        Assert.That(RequestDecoder.DecodeFrame(ebcdic, TextCodecs.Ebcdic).Function.Name, Is.EqualTo("Image_Activate"));
        AssertRejected(ebcdic, 900, 12, TextCodecs.Ascii);
    }
}
