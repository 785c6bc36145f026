using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// The Debian source package of ./build.sh deb unpacked (dpkg-source -x) and built with dpkg-buildpackage -b
/// without any network (unshare -n), with an empty NuGet cache, as a buildd would: both kinds, the one of
/// this architecture and DEB_BUILD_OPTIONS=framework_dependent (the s390x kind). -d: the SDK here is not a
/// dpkg package, so dotnet-sdk-10.0 cannot be satisfied (./build.sh deb checks the other build
/// dependencies). The payload is hardened and fences through its own smapi-sim and pacemaker's fencer
/// (it installs /usr/sbin/fence_zvmip_debtest and starts pacemaker-fenced).
/// </summary>
[TestFixture("")]
[TestFixture("framework_dependent")]
[NonParallelizable]
public sealed class DebOfflineRebuildTests(string buildOptions)
{
    private const string FencerAgent = "fence_zvmip_debtest";
    private string work = "";
    private string root = "";
    private string buildLog = "";

    private bool FrameworkDependent => buildOptions == "framework_dependent";

    private string Sbin => Path.Combine(root, "usr", "sbin");

    private string Simulator => Path.Combine(root, "usr", "bin", "smapi-sim");

    [OneTimeSetUp]
    public async Task RebuildOffline_AndExtract()
    {
        OfflineBuild.Require();
        await DebTools.BuildAsync();
        work = Directory.CreateTempSubdirectory("fence-zvm-debrebuild-").FullName;
        string tree = Path.Combine(work, "fence-zvm-" + DebTools.UpstreamVersion);
        await DebTools.RunAsync("dpkg-source", "-x", DebTools.Dsc, tree);
        var environment = OfflineBuild.Environment(work);
        environment["DEB_BUILD_OPTIONS"] = buildOptions;

        var build = await OfflineBuild.RunAsync(["dpkg-buildpackage", "-b", "-us", "-uc", "-d"], environment, tree);

        buildLog = build.ToString();
        Assert.That(build.ExitCode, Is.Zero, buildLog);
        OfflineBuild.AssertRanOffline(build);
        TestContext.Progress.WriteLine($"offline dpkg-buildpackage -b (DEB_BUILD_OPTIONS={buildOptions}): {build.Elapsed.TotalSeconds:F0} s");
        root = Path.Combine(work, "root");
        await DebTools.ExtractAsync(root, Deb("fence-zvm"), Deb("fence-zvm-simulator"));
    }

    [OneTimeTearDown]
    public void RemoveScratch() => PackagedAgentChecks.RemoveScratch(work, FencerAgent);

    [Test]
    public void Build_RestoredFromTheNugetComponentOnly_IntoAnEmptyPackageFolder()
    {
        Assert.That(buildLog, Does.Contain($"fence-zvm build: {(FrameworkDependent ? "framework-dependent" : "nativeaot")}"));
        Assert.That(buildLog, Does.Match(@"fence-zvm restore: --source /\S+/nuget --packages /\S+/debian/\.nuget-packages"));
    }

    [Test]
    public async Task Payload_IsTheKindAskedFor_WithItsDependencies()
    {
        string depends = (await DebTools.RunAsync("dpkg-deb", "-f", Deb("fence-zvm"), "Depends")).Stdout;
        if (FrameworkDependent)
        {
            Assert.That(depends, Does.Contain("dotnet-runtime-10.0"));
            Assert.That(new FileInfo(Path.Combine(Sbin, "fence_zvmip")).LinkTarget, Is.EqualTo("../lib/fence-zvm/fence_zvmip"));
            Assert.That(Path.Combine(root, "usr", "lib", "fence-zvm", "fence_zvmip.dll"), Does.Exist);
            string mainFiles = (await DebTools.RunAsync("dpkg-deb", "-c", Deb("fence-zvm"))).Stdout;
            Assert.That(mainFiles, Does.Not.Contain("smapi-sim").And.Not.Contain("FenceZvm.Simulator.dll"), "the simulator is in its own package");
        }
        else
        {
            Assert.That(depends, Does.Not.Contain("dotnet"));
            Assert.That(new FileInfo(Path.Combine(Sbin, "fence_zvmip")).LinkTarget, Is.Null, "the native executable itself");
        }
    }

    [Test]
    public async Task EveryElfInThePayload_IsPie_WithFullRelro_AndANonExecutableStack()
    {
        // NativeAOT: the two executables; framework-dependent: the SDK's prebuilt apphost, twice.
        await ElfHardening.AssertAllHardenedAsync(root, expectedElfFiles: 2);
    }

    [Test]
    public Task Lintian_ReportsNoErrorsAndNoWarnings() => DebTools.AssertLintianCleanAsync(Deb("fence-zvm"), Deb("fence-zvm-simulator"));

    [Test]
    public Task StdinStatusOffOn_AgainstThePackagedSimulator() =>
        PackagedAgentChecks.StdinStatusOffOnAsync(Path.Combine(Sbin, "fence_zvmip"), Simulator, work);

    [Test]
    public Task StonithAdminFence_ThroughPacemakersFencer() =>
        PackagedAgentChecks.FenceThroughPacemakerByLinkAsync(FencerAgent, Path.Combine(Sbin, "fence_zvmip"), Simulator, work);

    private string Deb(string package) => Path.Combine(work, $"{package}_{DebTools.Version}_{DebTools.Architecture}.deb");
}
