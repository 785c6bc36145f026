using System.Text;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Trace;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>The frame trace shows every field as hex, ASCII and EBCDIC, and never the password.</summary>
public class FrameTraceTests
{
    private const string Password = "S3cr3tPw!";
    private static readonly SmapiRequest Request =
        ImageDeactivate.Function.Request(new SmapiCredentials("FENCEUSR", Password), "LINUX01", ForceTime.Immediate);

    private static byte[] Encode(string text, ITextCodec codec)
    {
        var bytes = new byte[text.Length];
        codec.Encode(text, bytes, "t");
        return bytes;
    }

    private static void AssertNoPassword(IReadOnlyList<string> lines, ITextCodec codec)
    {
        string asciiHex = Convert.ToHexString(Encoding.ASCII.GetBytes(Password));
        string codecHex = Convert.ToHexString(Encode(Password, codec));
        Assert.That(asciiHex, Is.EqualTo("533363723374507721"));
        foreach (string line in lines)
        {
            Assert.That(line, Does.Not.Contain("S3cr3t"));
            Assert.That(line, Does.Not.Contain(asciiHex).IgnoreCase);
            Assert.That(line, Does.Not.Contain(codecHex).IgnoreCase);
            Assert.That(line, Does.Not.Contain(codecHex[..8]).IgnoreCase, "first 4 password bytes as hex");

            // The length word of the password (9); no other field of this request is 9 long.
            Assert.That(line, Does.Not.Contain("00000009"));
            Assert.That(line, Does.Not.Contain("= 9"));
        }
    }

    [TestCase("ascii")]
    [TestCase("ebcdic")]
    public void RequestShowsFunctionAndUserInHexAsciiAndEbcdic(string codecName)
    {
        TextCodecs.TryGet(codecName, out ITextCodec codec);
        var lines = FrameTrace.Request(RequestFramer.ToArray(Request, codec), codec).ToList();

        string function = lines.Single(l => l.Contains(" function_name ", StringComparison.Ordinal));
        string user = lines.Single(l => l.Contains(" authenticated_userid ", StringComparison.Ordinal));
        Assert.That(function, Does.Contain(Convert.ToHexString(Encode("Image_Deactivate", codec))));
        Assert.That(function, Does.Contain($"{codecName} 'Image_Deactivate'"));
        Assert.That(user, Does.Contain(Convert.ToHexString(Encode("FENCEUSR", codec))));
        Assert.That(user, Does.Contain($"{codecName} 'FENCEUSR'"));
        Assert.That(user, Does.Contain("ascii '").And.Contain("ebcdic '"));
        Assert.That(lines[0], Does.Contain("69 bytes").And.Contain(codecName));
        Assert.That(lines.Single(l => l.Contains(" input_length ", StringComparison.Ordinal)), Does.Contain("00000041 = 65"));
    }

    [TestCase("ascii")]
    [TestCase("ebcdic")]
    public void PasswordAndItsLengthAreMasked(string codecName)
    {
        TextCodecs.TryGet(codecName, out ITextCodec codec);
        var lines = FrameTrace.Request(RequestFramer.ToArray(Request, codec), codec).ToList();

        Assert.That(lines.Single(l => l.Contains(" password ", StringComparison.Ordinal)), Does.Contain("masked"));
        Assert.That(lines.Single(l => l.Contains(" password_length ", StringComparison.Ordinal)), Does.Contain("masked"));
        AssertNoPassword(lines, codec);
    }

    [Test]
    public void UndecodableRequestDoesNotShowThePasswordEither()
    {
        byte[] frame = RequestFramer.ToArray(Request, TextCodecs.Ascii);
        frame[3]++; // input_length no longer matches
        var lines = FrameTrace.Request(frame, TextCodecs.Ascii).ToList();

        Assert.That(lines, Has.Some.Contain("not decodable"));
        AssertNoPassword(lines, TextCodecs.Ascii);

        // Read with the wrong codec: also undecodable, also masked.
        AssertNoPassword(FrameTrace.Request(RequestFramer.ToArray(Request, TextCodecs.Ascii), TextCodecs.Ebcdic).ToList(), TextCodecs.Ascii);
    }

    [Test]
    public void ResponseShowsReturnAndReasonCode()
    {
        var response = new SmapiResponse(0x1235, 200, 32, SpecResponses.DeactivateFailingArray[20..]);
        var lines = FrameTrace.Response(response).ToList();

        Assert.That(lines[0], Does.Contain("output_length").And.Contain("0000002F = 47"));
        Assert.That(lines.Single(l => l.Contains("request_id", StringComparison.Ordinal)), Does.Contain("00001235 = 4661"));
        Assert.That(lines.Single(l => l.Contains("return_code", StringComparison.Ordinal)), Does.Contain("000000C8 = 200"));
        Assert.That(lines.Single(l => l.Contains("reason_code", StringComparison.Ordinal)), Does.Contain("00000020 = 32"));
        Assert.That(lines.Where(l => l.Contains(" output ", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(3));
        Assert.That(lines, Has.Some.Contain("ascii '....LINUX09.....'"));
        Assert.That(FrameTrace.RequestId(0x1235), Does.Contain("request_id").And.Contain("00001235 = 4661"));
    }
}
