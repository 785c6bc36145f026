using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

public class AsciiCodecTests
{
    private static readonly ITextCodec Ascii = TextCodecs.Ascii;

    [Test]
    public void AllPrintableCharactersRoundTripAsTheirOwnCodes()
    {
        string printable = new([.. Enumerable.Range(0x20, 0x5F).Select(i => (char)i)]);
        var bytes = new byte[printable.Length];

        Ascii.Encode(printable, bytes, "text");

        Assert.That(bytes, Is.EqualTo(Enumerable.Range(0x20, 0x5F).Select(i => (byte)i).ToArray()));
        Assert.That(Ascii.Decode(bytes, "text"), Is.EqualTo(printable));
        Assert.That(Ascii.CanEncode(printable), Is.True);
    }

    [Test]
    public void EncodeRejectsNonAsciiWithThePosition()
    {
        var e = Assert.Throws<SmapiEncodingException>(() => Ascii.Encode("caf\u00e9", new byte[4], "password"));

        Assert.That(e!.Message, Does.Contain("password").And.Contain("U+00E9").And.Contain("position 4"));
        Assert.That(Ascii.CanEncode("caf\u00e9"), Is.False);
    }

    [TestCase(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, "0xE9", 4)]
    [TestCase(new byte[] { 0x41, 0x42, 0x0A }, "0x0A", 3)]
    [TestCase(new byte[] { 0x00 }, "0x00", 1)]
    [TestCase(new byte[] { 0x41, 0x7F }, "0x7F", 2)]
    [TestCase(new byte[] { 0xC1, 0xC2 }, "0xC1", 1)]
    public void DecodeRejectsNonPrintableBytesWithThePosition(byte[] bytes, string shown, int position)
    {
        var e = Assert.Throws<SmapiEncodingException>(() => Ascii.Decode(bytes, "image name"));

        Assert.That(e!.Message, Does.Contain("image name").And.Contain(shown).And.Contain($"position {position}"));
    }
}
