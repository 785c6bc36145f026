using FenceZvm.Smapi.Transport.Iucv;

namespace FenceZvm.Tests.Iucv;

public sealed class IucvErrorsTests
{
    [TestCase(Errno.ENETUNREACH, "SMAPI server VSMREQIU is not logged on")]
    [TestCase(Errno.EACCES, "no IUCV authorization in this guest's directory entry (IUCV ANY or IUCV VSMREQIU)")]
    [TestCase(Errno.EAGAIN, "too many IUCV connections")]
    [TestCase(Errno.EAFNOSUPPORT, "this system has no AF_IUCV (not Linux on IBM Z under z/VM, or the af_iucv module is not loaded: modprobe af_iucv)")]
    [TestCase(Errno.ECONNREFUSED, "refused by VSMREQIU")]
    public void ConnectErrnoIsExplained(int errno, string expected)
    {
        Assert.That(IucvErrors.Describe(errno, "VSMREQIU"), Does.StartWith(expected));
    }

    [Test]
    public void OtherErrnoValuesUseTheSystemText()
    {
        Assert.That(IucvErrors.Describe(Errno.ECONNRESET, "VSMREQIU"), Is.EqualTo("Connection reset by peer"));
    }

    [Test]
    public void StandInErrorsNameThePath()
    {
        Assert.That(IucvErrors.DescribeStandIn(Errno.ENOENT, "/x.sock"), Is.EqualTo("the IUCV stand-in socket /x.sock does not exist"));
        Assert.That(IucvErrors.DescribeStandIn(Errno.ECONNREFUSED, "/x.sock"), Does.Contain("nothing listens"));
    }
}
