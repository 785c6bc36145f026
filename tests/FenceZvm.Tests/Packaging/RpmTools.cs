using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

internal static class RpmTools
{
    public const string Version = "0.1.0-1";

    /// <summary>The only reason the packaging tests skip: no rpm tools on this machine (./build.sh test installs them as root).</summary>
    public static void RequireRpmbuild()
    {
        if (ProcessRunner.FindOnPath("rpmbuild") is null || ProcessRunner.FindOnPath("rpmspec") is null)
        {
            Assert.Ignore("rpmbuild is not installed: apt-get install rpm rpmlint rpm2cpio cpio (./build.sh test does as root)");
        }
    }

    /// <summary>./build.sh rpm with the binaries ./build.sh test has just published; returns artifacts/rpm.</summary>
    public static async Task<string> BuildAsync()
    {
        var build = await ProcessRunner.RunAsync(Path.Combine(RepoPaths.Root, "build.sh"), ["rpm"],
            environment: new Dictionary<string, string> { ["FENCE_ZVM_RPM_REUSE_BIN"] = "1" }, timeout: TimeSpan.FromMinutes(10));
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        return Path.Combine(RepoPaths.Root, "artifacts", "rpm");
    }

    /// <summary>
    /// rpmbuild --rebuild of the source RPM of ./build.sh rpm, offline (<see cref="OfflineBuild"/>), with
    /// <paramref name="options"/> (such as --with framework_dependent); the binary RPMs go to WORK/rpms.
    /// </summary>
    public static async Task<ProcessResult> RebuildOfflineAsync(string rpmDirectory, string work, params string[] options)
    {
        string sourceRpm = Path.Combine(work, $"fence-zvm-{Version}.src.rpm");
        File.Copy(Path.Combine(rpmDirectory, $"fence-zvm-{Version}.src.rpm"), sourceRpm);
        var rebuild = await OfflineBuild.RunAsync([
            // --nodeps: the SDK is not an RPM on this (Debian) machine; BuildRequires is checked by RpmSpecTests.
            "rpmbuild", "--rebuild", "--nodeps", .. options,
            "--define", $"_topdir {work}/top", "--define", $"_rpmdir {work}/rpms",
            "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
            "--define", "__brp_compress bash %{_rpmconfigdir}/brp-compress %{?_prefix}",
            sourceRpm,
        ], OfflineBuild.Environment(work));
        Assert.That(rebuild.ExitCode, Is.EqualTo(0), rebuild.ToString());
        OfflineBuild.AssertRanOffline(rebuild);
        TestContext.Progress.WriteLine($"offline rpmbuild --rebuild {string.Join(' ', options)}: {rebuild.Elapsed.TotalSeconds:F0} s");
        return rebuild;
    }

    /// <summary>Unpacks the binary RPMs of <paramref name="packages"/> from WORK/rpms into <paramref name="root"/>.</summary>
    public static async Task ExtractAsync(string work, string root, params string[] packages)
    {
        Directory.CreateDirectory(root);
        foreach (string package in packages)
        {
            string rpm = Directory.GetFiles(Path.Combine(work, "rpms"), $"{package}-{Version}.*.rpm").Single();
            var extract = await ProcessRunner.RunAsync("sh", ["-c", "cd \"$1\" && rpm2cpio \"$2\" | cpio -idm --quiet", "sh", root, rpm]);
            Assert.That(extract.ExitCode, Is.EqualTo(0), extract.ToString());
        }
    }
}
