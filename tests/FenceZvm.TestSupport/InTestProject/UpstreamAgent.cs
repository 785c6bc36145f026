using System.Xml.Linq;

namespace FenceZvm.Tests.Support;

/// <summary>The reference: Debian's fence-agents package installs the upstream Python agent here.</summary>
public static class UpstreamAgent
{
    public const string Path = "/usr/sbin/fence_zvmip";

    private static readonly Lazy<Task<ProcessResult>> MetadataRun = new(() => ProcessRunner.RunAsync(Path, ["-o", "metadata"]));

    public static void RequireInstalled()
    {
        if (!File.Exists(Path))
        {
            Assert.Ignore($"{Path} is missing: install the Debian package fence-agents (./build.sh test does as root) to compare with the reference agent");
        }
    }

    /// <summary>Upstream's -o metadata (the reference for our parameters' names, types, defaults and order), run once.</summary>
    public static async Task<string> MetadataAsync()
    {
        RequireInstalled();
        ProcessResult r = await MetadataRun.Value;
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return r.Stdout;
    }

    public static async Task<XDocument> MetadataDocumentAsync() => XDocument.Parse(await MetadataAsync());
}
