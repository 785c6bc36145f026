using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>The worked request images of spec 2.4, byte for byte.</summary>
public class RequestFramingTests
{
    private static readonly SmapiCredentials Fence = new("FENCEUSR", "passw0rd");

    [Test]
    public void ImageDeactivateImmedIsThe68BytesOfSpec24a()
    {
        byte[] expected = Wire.Bytes("""
            00 00 00 40 | 00 00 00 10 | 'Image_Deactivate'
            00 00 00 08 | 'FENCEUSR'
            00 00 00 08 | 'passw0rd'
            00 00 00 07 | 'LINUX01'
            00 00 00 05 | 'IMMED'
            """);
        byte[] frame = RequestFramer.ToArray(ImageDeactivate.Function.Request(Fence, "LINUX01", ForceTime.Immediate), TextCodecs.Ascii);

        Assert.That(expected, Has.Length.EqualTo(68));
        Assert.That(frame, Is.EqualTo(expected));
    }

    [Test]
    public void CheckAuthenticationIs52BytesWithNoTarget()
    {
        byte[] expected = Wire.Bytes("00000030 00000014 'Check_Authentication' 00000008 'FENCEUSR' 00000008 'passw0rd'");
        byte[] frame = RequestFramer.ToArray(CheckAuthentication.Function.Request(Fence), TextCodecs.Ascii);

        Assert.That(expected, Has.Length.EqualTo(52));
        Assert.That(frame, Is.EqualTo(expected));
    }

    [Test]
    public void IucvImageRecycleSendsEmptyUserAndPasswordIn40Bytes()
    {
        byte[] expected = Wire.Bytes("00000024 0000000d 'Image_Recycle' 00000000 00000000 00000007 'LINUX01'");
        byte[] frame = RequestFramer.ToArray(ImageRecycle.Function.Request(SmapiCredentials.None, "LINUX01"), TextCodecs.Ascii);

        Assert.That(expected, Has.Length.EqualTo(40));
        Assert.That(frame, Is.EqualTo(expected));
    }

    [Test]
    public void ResponseRecoveryEndsWithTheRawFailedRequestId()
    {
        byte[] expected = Wire.Bytes("0000002a 00000011 'Response_Recovery' 00000000 00000000 00000005 'MAINT' 00001234");
        byte[] frame = RequestFramer.ToArray(ResponseRecovery.Function.Request(SmapiCredentials.None, "MAINT", 0x1234), TextCodecs.Ascii);

        Assert.That(expected, Has.Length.EqualTo(46));
        Assert.That(frame, Is.EqualTo(expected));
    }

    [Test]
    public void ResponseRecoveryWritesAHighRequestIdUnsigned()
    {
        byte[] frame = RequestFramer.ToArray(ResponseRecovery.Function.Request(SmapiCredentials.None, "MAINT", 0xFEDCBA98), TextCodecs.Ascii);

        Assert.That(frame[^4..], Is.EqualTo(Wire.Bytes("FEDCBA98")));
    }

    [Test]
    public void ImageQueryActivateTimeEndsWithTheRawDateFormatByte()
    {
        byte[] expected = Wire.Bytes("""
            00000041 00000019 'Image_Query_Activate_Time'
            00000008 'FENCEUSR' 00000008 'passw0rd' 00000007 'LINUX01' 04
            """);
        byte[] frame = RequestFramer.ToArray(ImageQueryActivateTime.Function.Request(Fence, "LINUX01", 4), TextCodecs.Ascii);

        Assert.That(frame, Is.EqualTo(expected));
        Assert.That(RequestFramer.ToArray(ImageQueryActivateTime.Function.Request(Fence, "LINUX01", 6), TextCodecs.Ascii)[^1], Is.EqualTo(0x06));
    }

    /// <summary>
    /// The builders frame what they are given: folding the case is <see cref="GuestName"/>'s job (the agent's
    /// plugs) and the agent's (its user), so that a test can still put any spelling on the wire.
    /// </summary>
    [Test]
    public void AGuestNameIsFramedUpperCaseAndAPlainTextAsGiven()
    {
        SmapiRequest named = ImageDeactivate.Function.Request(Fence, GuestName.Of("linux01"), ForceTime.Immediate);
        SmapiRequest plain = ImageDeactivate.Function.Request(new SmapiCredentials("fenceusr", "passw0rd"), "linux01", ForceTime.Immediate);

        Assert.That(
            RequestFramer.ToArray(named, TextCodecs.Ascii),
            Is.EqualTo(RequestFramer.ToArray(ImageDeactivate.Function.Request(Fence, "LINUX01", ForceTime.Immediate), TextCodecs.Ascii)));
        Assert.That((plain.User, plain.Target, plain.Password), Is.EqualTo(("fenceusr", "linux01", "passw0rd")));
    }

    [Test]
    public void GetFramedLengthMatchesWhatWriteProducesAndATooSmallDestinationIsRefused()
    {
        SmapiRequest request = ImageDeactivate.Function.Request(Fence, "LINUX01", ForceTime.Within(300));
        int length = RequestFramer.GetFramedLength(request);
        var buffer = new byte[length + 10];

        Assert.That(RequestFramer.Write(request, TextCodecs.Ascii, buffer), Is.EqualTo(length));
        Assert.That(buffer[..length], Is.EqualTo(RequestFramer.ToArray(request, TextCodecs.Ascii)));
        Assert.Throws<ArgumentException>(() => RequestFramer.Write(request, TextCodecs.Ascii, new byte[length - 1]));
    }

    [Test]
    public void EbcdicFramingKeepsBinaryLengthsAndTranslatesText()
    {
        byte[] frame = RequestFramer.ToArray(ImageRecycle.Function.Request(SmapiCredentials.None, "LINUX01"), TextCodecs.Ebcdic);

        // 'Image_Recycle' and 'LINUX01' in IBM-1047.
        Assert.That(frame, Is.EqualTo(Wire.Bytes("00000024 0000000d C9 94 81 87 85 6D D9 85 83 A8 83 93 85 00000000 00000000 00000007 D3C9D5E4E7F0F1")));
    }
}
