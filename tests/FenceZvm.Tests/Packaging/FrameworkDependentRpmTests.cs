using System.Xml.Linq;
using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// The s390x kind of package, proven on this machine: the source RPM of ./build.sh rpm rebuilt with
/// --with framework_dependent without any network (unshare -n), with an empty package cache and no NuGet
/// source but the packages bundled in the source RPM; its payload unpacked into a scratch root, where the
/// agent runs through the symlinks as pacemaker would start it, against the packaged smapi-sim, and
/// through pacemaker's fencer. Run under flock /tmp/fence-zvm-pacemaker.lock (it installs
/// /usr/sbin/fence_zvmip_fdtest and starts pacemaker-fenced).
/// </summary>
[NonParallelizable]
public sealed class FrameworkDependentRpmTests
{
    private const string Version = RpmTools.Version;
    private const string FencerAgent = "fence_zvmip_fdtest";
    private string work = "";
    private string root = "";
    private string appDirectory = "";
    private string rebuildLog = "";

    private string Sbin => Path.Combine(root, "usr", "sbin");

    [OneTimeSetUp]
    public async Task RebuildOffline_AndUnpack()
    {
        RpmTools.RequireRpmbuild();
        OfflineBuild.Require();
        string rpmDirectory = await RpmTools.BuildAsync();
        work = Directory.CreateTempSubdirectory("fence-zvm-fdrpm-").FullName;
        rebuildLog = (await RpmTools.RebuildOfflineAsync(rpmDirectory, work, "--with", "framework_dependent")).ToString();
        root = Path.Combine(work, "root");
        await RpmTools.ExtractAsync(work, root, "fence-zvm", "fence-zvm-simulator");
        appDirectory = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Sbin, new FileInfo(Path.Combine(Sbin, "fence_zvmip")).LinkTarget!)))!;
    }

    [OneTimeTearDown]
    public void RemoveScratch() => PackagedAgentChecks.RemoveScratch(work, FencerAgent);

    [Test]
    public void RebuildRestoredFromTheBundledPackages_ForTheSdksOwnRid_AsAPlainApplication()
    {
        Assert.That(rebuildLog, Does.Contain("fence-zvm build: framework-dependent"));
        Assert.That(rebuildLog, Does.Match(@"fence-zvm restore: -r \S+ --source /\S+/nuget --packages /\S+/nuget-packages"), "the SDK's RID, the bundled packages only");
        Assert.That(Path.Combine(appDirectory, "fence_zvmip.dll"), Does.Exist, "a plain application: its assemblies beside the apphost");
        Assert.That(Path.Combine(appDirectory, "fence_zvmip.runtimeconfig.json"), Does.Exist);
        Assert.That(new FileInfo(Path.Combine(Sbin, "fence_zvm")).LinkTarget, Does.Not.StartWith("/"), "relative, so the unpacked tree works where it lies");
    }

    [Test]
    public async Task MainPackage_RequiresTheDistributionsRuntime()
    {
        string rpm = Directory.GetFiles(Path.Combine(work, "rpms"), $"fence-zvm-{Version}.*.rpm").Single();
        var requires = await ProcessRunner.RunAsync("rpm", ["-qpR", rpm]);
        Assert.That(requires.StdoutLines.Select(l => l.Trim()), Has.Some.Match(@"^dotnet-runtime-10\.0(\(x86-64\))?$"), requires.ToString());
    }

    [TestCase("fence_zvmip")]
    [TestCase("fence_zvm")]
    public async Task Metadata_FromTheUnpackedRoot_IsValid_AndNamesTheInvokedAgent(string agent)
    {
        var metadata = await ProcessRunner.RunAsync(Path.Combine(Sbin, agent), ["-o", "metadata"]);
        Assert.That(metadata.ExitCode, Is.Zero, metadata.ToString());
        Assert.That(XDocument.Parse(metadata.Stdout).Root!.Attribute("name")?.Value, Is.EqualTo(agent));

        // The fence agents' metadata schema, as installed by Debian's fence-agents (the upstream agent the tests compare with).
        string? xmllint = ProcessRunner.FindOnPath("xmllint");
        const string Schema = "/usr/share/cluster/relaxng/metadata.rng";
        if (xmllint is null || !File.Exists(Schema))
        {
            Assert.Ignore($"needs xmllint (libxml2-utils) and {Schema} (fence-agents)");
        }

        ProcessResult validation = await ProcessRunner.RunAsync(xmllint!, ["--noout", "--relaxng", Schema, "-"], metadata.Stdout);
        Assert.That(validation.ExitCode, Is.Zero, validation.Stderr);
    }

    [Test]
    public async Task EveryElfInThePayload_IsPie_WithFullRelro_AndANonExecutableStack()
    {
        // The SDK's prebuilt apphost, twice (fence_zvmip and smapi-sim): the application itself is IL.
        await ElfHardening.AssertAllHardenedAsync(root, expectedElfFiles: 2);
    }

    [Test]
    public Task StdinStatusOffOn_AgainstThePackagedSimulator() =>
        PackagedAgentChecks.StdinStatusOffOnAsync(Path.Combine(Sbin, "fence_zvmip"), Path.Combine(root, "usr", "bin", "smapi-sim"), work);

    [Test]
    public Task StonithAdminFence_ThroughPacemakersFencer() =>
        PackagedAgentChecks.FenceThroughPacemakerByLinkAsync(FencerAgent, Path.Combine(appDirectory, "fence_zvmip"), Path.Combine(root, "usr", "bin", "smapi-sim"), work);
}
