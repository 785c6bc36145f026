using System.Text;
using FenceZvm.Smapi.Transport.Iucv;

namespace FenceZvm.Tests.Iucv;

public sealed class SockaddrIucvTests
{
    private static byte[] Family => BitConverter.IsLittleEndian ? [0x20, 0x00] : [0x00, 0x20];

    [Test]
    public void TheDefaultServerGivesTheExact32ByteImage()
    {
        byte[] expected =
        [
            .. Family, 0, 0, // siucv_family (host order), siucv_port
            0, 0, 0, 0, // siucv_addr
            .. "        "u8, // siucv_nodeid: eight blanks
            .. "VSMREQIU"u8, // siucv_user_id
            .. "DMSRSRQU"u8, // siucv_name
        ];
        Assert.That(SockaddrIucv.Build("VSMREQIU"), Is.EqualTo(expected));
        Assert.That(expected, Has.Length.EqualTo(32));
    }

    [Test]
    public void AShortNameIsUpperCasedAndBlankPaddedWithoutNul()
    {
        byte[] address = SockaddrIucv.Build("smapi");
        Assert.That(Encoding.ASCII.GetString(address, 16, 8), Is.EqualTo("SMAPI   "));
        Assert.That(address.AsSpan(8).ToArray(), Has.None.EqualTo((byte)0), "node id, user id and name are blank-padded, never NUL-terminated");
        Assert.That(Encoding.ASCII.GetString(address, 24, 8), Is.EqualTo("DMSRSRQU"));
    }

    [Test]
    public void AnEightCharacterNameFillsTheField()
    {
        Assert.That(Encoding.ASCII.GetString(SockaddrIucv.Build("ABCDEFGH"), 16, 8), Is.EqualTo("ABCDEFGH"));
    }

    [TestCase("VSMREQIU9", "longer than 8 characters")]
    [TestCase("", "empty")]
    [TestCase("VSM REQ", "blank")]
    [TestCase("VSMRÉQ", "non-ASCII")]
    public void BadNamesAreRejected(string name, string reason)
    {
        Assert.That(SockaddrIucv.Check(name), Does.Contain(reason));
        Assert.That(() => SockaddrIucv.Build(name), Throws.ArgumentException.With.Message.Contains(reason));
    }

    [Test]
    public void TheStandInAddressIsAfUnixWithANulTerminatedPath()
    {
        byte[] address = SockaddrUnix.Build("/tmp/s");
        byte[] family = BitConverter.IsLittleEndian ? [1, 0] : [0, 1];
        Assert.That(address, Is.EqualTo((byte[])[.. family, .. "/tmp/s"u8, 0]));
        Assert.That(() => SockaddrUnix.Build(new string('x', 108)), Throws.ArgumentException);
    }
}
