using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// Runs a package build without any network: in a network namespace of its own (unshare -n, as root), where
/// only a loopback interface exists, and with an empty NuGet package folder and a fresh HOME, so that no
/// earlier restore and no NuGet.config can help. The build's output starts with two lines that prove where it
/// ran (its network namespace and interfaces), checked by <see cref="AssertRanOffline"/>.
/// </summary>
internal static class OfflineBuild
{
    private const string Proof =
        "echo \"offline-proof netns $(readlink /proc/self/ns/net)\"; " +
        "echo \"offline-proof interfaces $(tail -n +3 /proc/net/dev | cut -d: -f1 | xargs)\"; exec \"$@\"";

    public static void Require()
    {
        if (ProcessRunner.FindOnPath("unshare") is null || System.Environment.UserName != "root")
        {
            Assert.Ignore("needs root and unshare (util-linux) to build without network");
        }
    }

    /// <summary>The environment of an offline build under <paramref name="work"/>: empty package cache, fresh HOME.</summary>
    public static Dictionary<string, string> Environment(string work)
    {
        string home = Path.Combine(work, "home");
        string cache = Path.Combine(work, "empty-nuget-cache");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(cache);
        return new Dictionary<string, string> { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home, ["NUGET_PACKAGES"] = cache };
    }

    public static Task<ProcessResult> RunAsync(string[] command, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null) =>
        ProcessRunner.RunAsync("unshare", ["-n", "--", "sh", "-c", Proof, "sh", .. command],
            environment: environment, timeout: TimeSpan.FromMinutes(20), workingDirectory: workingDirectory);

    /// <summary>The build ran in another network namespace than this test, one with nothing but loopback.</summary>
    public static void AssertRanOffline(ProcessResult build)
    {
        string ours = new FileInfo("/proc/self/ns/net").LinkTarget ?? "";
        Assert.That(build.Stdout, Does.Match(@"(?m)^offline-proof netns net:\[\d+\]$"), build.ToString());
        Assert.That(build.Stdout, Does.Not.Contain($"offline-proof netns {ours}\n"), "the build ran in this test's own network namespace");
        Assert.That(build.Stdout, Does.Contain("offline-proof interfaces lo\n"), "an interface other than loopback was there");
    }
}
