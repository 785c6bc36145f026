namespace FenceZvm.Tests.Support;

/// <summary>The reference: Debian's fence-agents package installs the upstream Python agent here.</summary>
public static class UpstreamAgent
{
    public const string Path = "/usr/sbin/fence_zvmip";

    public static void RequireInstalled()
    {
        if (!File.Exists(Path))
        {
            Assert.Ignore($"{Path} is missing: install the Debian package fence-agents (.ci/run does) to compare with the reference agent");
        }
    }
}
