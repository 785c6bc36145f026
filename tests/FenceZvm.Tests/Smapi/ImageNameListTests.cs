using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Image_Status_Query / Image_Name_Query_DM output: a name array with no per-entry length.</summary>
public class ImageNameListTests
{
    private static IReadOnlyList<string> Parse(byte[] output, ITextCodec? codec = null) =>
        ImageNameList.Parse(ImageStatusQuery.Function, new SmapiResponse(0x1234, 0, 0, output), codec ?? TextCodecs.Ascii);

    [Test]
    public void SpecExampleGivesBothNames() =>
        Assert.That(Parse(SpecResponses.StatusQueryStar[20..]), Is.EqualTo(new[] { "LINUX01", "LINUX02" }));

    [Test]
    public void EmptyOutputAndEmptyArrayGiveNoNames()
    {
        Assert.That(Parse([]), Is.Empty);
        Assert.That(Parse(Wire.Int(0)), Is.Empty);
    }

    [Test]
    public void BuildIsTheInverseOfParse()
    {
        byte[] built = ImageNameList.Build(["LINUX01", "LINUX02"], TextCodecs.Ascii);

        Assert.That(built, Is.EqualTo(SpecResponses.StatusQueryStar[20..]));
        Assert.That(Parse(ImageNameList.Build(["A", "ABCDEFGH"], TextCodecs.Ebcdic), TextCodecs.Ebcdic), Is.EqualTo(new[] { "A", "ABCDEFGH" }));
    }

    [TestCase("000000ff 00000007 'LINUX01'", TestName = "array length past the end")]
    [TestCase("ffffffff", TestName = "negative array length")]
    [TestCase("0000000b 00000008 'LINUX01'", TestName = "name length past the array")]
    [TestCase("00000004 00000000", TestName = "name length 0")]
    [TestCase("0000000d 00000009 'LINUX0123'", TestName = "name length 9")]
    [TestCase("0000000b fffffff9 'LINUX01'", TestName = "negative name length")]
    [TestCase("00000002 0000", TestName = "array shorter than a name length")]
    [TestCase("0000", TestName = "output shorter than the array length")]
    public void MalformedOutputIsAProtocolError(string output)
    {
        var e = Assert.Throws<SmapiProtocolException>(() => Parse(Wire.Bytes(output)));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.MalformedOutput));
    }

    [Test]
    public void NameThatIsNotTextIsAnEncodingError() =>
        Assert.Throws<SmapiEncodingException>(() => Parse(Wire.Bytes("00000006 00000002 0001")));
}
