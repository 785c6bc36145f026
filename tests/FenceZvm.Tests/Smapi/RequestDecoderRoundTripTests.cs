using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>What the framer writes, the decoder (the simulator's server side) reads back.</summary>
public class RequestDecoderRoundTripTests
{
    private static readonly SmapiCredentials Fence = new("FENCEUSR", "S3cr3t Pw!~");

    public static IEnumerable<TestCaseData> Requests()
    {
        var requests = new (string Name, SmapiRequest Request)[]
        {
            ("activate", ImageActivate.Function.Request(Fence, "LINUX01")),
            ("deactivate immed", ImageDeactivate.Function.Request(Fence, "LINUX01", ForceTime.Immediate)),
            ("deactivate within", ImageDeactivate.Function.Request(Fence, "LINUX01", ForceTime.Within(65535))),
            ("deactivate by", ImageDeactivate.Function.Request(Fence, "LINUX01", ForceTime.By(23, 59, 59))),
            ("recycle iucv", ImageRecycle.Function.Request(SmapiCredentials.None, "LINUX01")),
            ("status star", ImageStatusQuery.Function.Request(Fence, "*")),
            ("name query", ImageNameQueryDm.Function.Request(Fence, "FOOBAR")),
            ("check auth", CheckAuthentication.Function.Request(Fence)),
            ("functional level", QueryApiFunctionalLevel.Function.Request(Fence, "MAINT")),
            ("recovery", ResponseRecovery.Function.Request(SmapiCredentials.None, "MAINT", 0xFFFFFFFE)),
            ("activate time", ImageQueryActivateTime.Function.Request(Fence, "LINUX01", 6)),
        };
        foreach (ITextCodec codec in new[] { TextCodecs.Ascii, TextCodecs.Ebcdic })
        {
            foreach ((string name, SmapiRequest request) in requests)
            {
                yield return new TestCaseData(request, codec).SetArgDisplayNames(name, codec.Name);
            }
        }
    }

    [TestCaseSource(nameof(Requests))]
    public void DecodeFrameGivesBackEveryField(SmapiRequest request, ITextCodec codec)
    {
        byte[] frame = RequestFramer.ToArray(request, codec);
        DecodedRequest decoded = RequestDecoder.DecodeFrame(frame, codec);

        Assert.That(decoded.Function, Is.SameAs(request.Function));
        Assert.That(decoded.User, Is.EqualTo(request.User));
        Assert.That(decoded.Password, Is.EqualTo(request.Password));
        Assert.That(decoded.Target, Is.EqualTo(request.Target));
        Assert.That(decoded.Parameters, Is.EqualTo(request.Parameters));
    }

    [TestCaseSource(nameof(Requests))]
    public void DecodedFieldsTileTheWholeFrame(SmapiRequest request, ITextCodec codec)
    {
        byte[] frame = RequestFramer.ToArray(request, codec);
        DecodedRequest decoded = RequestDecoder.DecodeFrame(frame, codec);

        int expectedOffset = 0;
        foreach (RequestField field in decoded.Fields)
        {
            Assert.That(field.Offset, Is.EqualTo(expectedOffset), field.Name);
            expectedOffset += field.Length;
        }

        Assert.That(expectedOffset, Is.EqualTo(frame.Length));
        Assert.That(decoded.Fields.Single(f => f.Name == "password").Content, Is.EqualTo(RequestFieldContent.Secret));
    }
}
