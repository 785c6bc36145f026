using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

public class Ebcdic1047CodecTests
{
    private static readonly ITextCodec Ebcdic = TextCodecs.Ebcdic;

    /// <summary>The 256 code points iconv gives for EBCDIC bytes 0x00..0xFF, or null without iconv.</summary>
    private static async Task<char[]?> IconvTableAsync()
    {
        string bytes = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(bytes, [.. Enumerable.Range(0, 256).Select(i => (byte)i)]);
            ProcessResult r = await ProcessRunner.RunAsync("iconv", ["-f", "IBM1047", "-t", "UTF-8", bytes], timeout: TimeSpan.FromSeconds(10));
            Assert.That(r.ExitCode, Is.Zero, r.Stderr);
            Assert.That(r.Stdout, Has.Length.EqualTo(256));
            return r.Stdout.ToCharArray();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(bytes);
        }
    }

    [Test]
    public async Task WholeTableMatchesIconv()
    {
        char[]? table = await IconvTableAsync();
        if (table is null)
        {
            Assert.Ignore("iconv is not installed");
        }

        var encoded = new byte[1];
        for (int b = 0; b < 256; b++)
        {
            Assert.That(Ebcdic1047Codec.ToChar((byte)b), Is.EqualTo(table![b]), $"byte 0x{b:X2}");
            Ebcdic.Encode([table[b]], encoded, "c");
            Assert.That(encoded[0], Is.EqualTo((byte)b), $"U+{(int)table[b]:X4}");
        }
    }

    [TestCase('A', 0xC1)]
    [TestCase('Z', 0xE9)]
    [TestCase('a', 0x81)]
    [TestCase('z', 0xA9)]
    [TestCase('0', 0xF0)]
    [TestCase('9', 0xF9)]
    [TestCase(' ', 0x40)]
    [TestCase('[', 0xAD)]
    [TestCase(']', 0xBD)]
    [TestCase('_', 0x6D)]
    [TestCase('*', 0x5C)]
    [TestCase('.', 0x4B)]
    [TestCase(':', 0x7A)]
    public void WellKnownValues(char c, int b)
    {
        var bytes = new byte[1];
        Ebcdic.Encode([c], bytes, "c");

        Assert.That(bytes[0], Is.EqualTo((byte)b));
        Assert.That(Ebcdic.Decode(bytes, "c"), Is.EqualTo(c.ToString()));
    }

    [Test]
    public void AllPrintableAsciiRoundTrips()
    {
        string printable = new([.. Enumerable.Range(0x20, 0x5F).Select(i => (char)i)]);
        var bytes = new byte[printable.Length];

        Ebcdic.Encode(printable, bytes, "text");

        Assert.That(Ebcdic.Decode(bytes, "text"), Is.EqualTo(printable));
    }

    [Test]
    public void FunctionNameBytesDifferFromAscii()
    {
        const string name = "Image_Status_Query";
        var ebcdic = new byte[name.Length];
        Ebcdic.Encode(name, ebcdic, "function name");

        Assert.That(ebcdic, Is.EqualTo(Wire.Bytes("C9 94 81 87 85 6D E2 A3 81 A3 A4 A2 6D D8 A4 85 99 A8")));
        Assert.That(ebcdic, Is.Not.EqualTo(System.Text.Encoding.ASCII.GetBytes(name)));
    }

    [TestCase('\u0100')]
    [TestCase('\u20AC')]
    [TestCase('\uFFFD')]
    public void EncodeRejectsCharactersAboveU00FF(char c)
    {
        var e = Assert.Throws<SmapiEncodingException>(() => Ebcdic.Encode("AB" + c, new byte[3], "target"));

        Assert.That(e!.Message, Does.Contain($"U+{(int)c:X4}").And.Contain("position 3"));
        Assert.That(Ebcdic.CanEncode("AB" + c), Is.False);
        Assert.That(Ebcdic.CanEncode("AB\u00FF"), Is.True);
    }

    [Test]
    public void DecodeRejectsControlBytesWithThePosition()
    {
        // 0x25 is LF, 0x15 is NEL (U+0085) in IBM-1047.
        var e = Assert.Throws<SmapiEncodingException>(() => Ebcdic.Decode(Wire.Bytes("C1 C2 25"), "image name"));
        Assert.That(e!.Message, Does.Contain("0x25").And.Contain("position 3"));
        Assert.Throws<SmapiEncodingException>(() => Ebcdic.Decode(Wire.Bytes("15"), "image name"));
    }
}
