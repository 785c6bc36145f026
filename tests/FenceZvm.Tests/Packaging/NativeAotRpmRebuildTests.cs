using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// The x86_64/aarch64 kind of the source RPM rebuilt without any network (unshare -n), with an empty package
/// cache: the NativeAOT compiler packages and runtime packs come from Source1 alone. The payload, unpacked
/// into a scratch root, is hardened and fences through its own smapi-sim and pacemaker's fencer
/// (it installs /usr/sbin/fence_zvmip_aotrpm and starts pacemaker-fenced).
/// </summary>
[NonParallelizable]
public sealed class NativeAotRpmRebuildTests
{
    private const string FencerAgent = "fence_zvmip_aotrpm";
    private string work = "";
    private string root = "";
    private string rebuildLog = "";

    [OneTimeSetUp]
    public async Task RebuildOffline_AndUnpack()
    {
        RpmTools.RequireRpmbuild();
        OfflineBuild.Require();
        string rpmDirectory = await RpmTools.BuildAsync();
        work = Directory.CreateTempSubdirectory("fence-zvm-aotrpm-").FullName;
        rebuildLog = (await RpmTools.RebuildOfflineAsync(rpmDirectory, work)).ToString();
        root = Path.Combine(work, "root");
        await RpmTools.ExtractAsync(work, root, "fence-zvm", "fence-zvm-simulator");
    }

    [OneTimeTearDown]
    public void RemoveScratch() => PackagedAgentChecks.RemoveScratch(work, FencerAgent);

    [Test]
    public void RebuildCompiledNativeAot_FromTheBundledPackagesOnly()
    {
        Assert.That(rebuildLog, Does.Match(@"fence-zvm build: nativeaot \(-r linux-(x64|arm64)\)"));
        Assert.That(rebuildLog, Does.Match(@"fence-zvm restore: --source /\S+/nuget --packages /\S+/nuget-packages"));
        Assert.That(rebuildLog, Does.Contain("Generating native code"), "the ILCompiler package ran");
    }

    [Test]
    public async Task EveryElfInThePayload_IsPie_WithFullRelro_AndANonExecutableStack()
    {
        await ElfHardening.AssertAllHardenedAsync(root, expectedElfFiles: 2);
    }

    [Test]
    public Task StdinStatusOffOn_AgainstThePackagedSimulator() =>
        PackagedAgentChecks.StdinStatusOffOnAsync(Path.Combine(root, "usr", "sbin", "fence_zvmip"), Path.Combine(root, "usr", "bin", "smapi-sim"), work);

    [Test]
    public Task StonithAdminFence_ThroughPacemakersFencer() =>
        PackagedAgentChecks.FenceThroughPacemakerByLinkAsync(FencerAgent, Path.Combine(root, "usr", "sbin", "fence_zvmip"), Path.Combine(root, "usr", "bin", "smapi-sim"), work);
}
