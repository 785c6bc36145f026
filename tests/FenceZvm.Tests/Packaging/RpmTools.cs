namespace FenceZvm.Tests.Packaging;

internal static class RpmTools
{
    /// <summary>The only reason the packaging tests skip: no rpm tools on this machine (./build.sh test installs them as root).</summary>
    public static void RequireRpmbuild()
    {
        if (ProcessRunner.FindOnPath("rpmbuild") is null || ProcessRunner.FindOnPath("rpmspec") is null)
        {
            Assert.Ignore("rpmbuild is not installed: apt-get install rpm rpmlint rpm2cpio cpio (./build.sh test does as root)");
        }
    }
}
