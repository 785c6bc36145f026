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
    private const string Version = "0.1.0-1";
    private const string FencerAgent = "fence_zvmip_fdtest";
    private const string User = "FDUSER";
    private const string Password = "fd-pw1";
    private string work = "";
    private string root = "";
    private string appDirectory = "";
    private string rebuildLog = "";

    private string Sbin => Path.Combine(root, "usr", "sbin");

    [OneTimeSetUp]
    public async Task RebuildOffline_AndUnpack()
    {
        RpmTools.RequireRpmbuild();
        if (ProcessRunner.FindOnPath("unshare") is null || Environment.UserName != "root")
        {
            Assert.Ignore("needs root and unshare (util-linux) to rebuild without network");
        }

        var build = await ProcessRunner.RunAsync(Path.Combine(RepoPaths.Root, "build.sh"), ["rpm"],
            environment: new Dictionary<string, string> { ["FENCE_ZVM_RPM_REUSE_BIN"] = "1" }, timeout: TimeSpan.FromMinutes(10));
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        work = Directory.CreateTempSubdirectory("fence-zvm-fdrpm-").FullName;
        string sourceRpm = Path.Combine(work, $"fence-zvm-{Version}.src.rpm");
        File.Copy(Path.Combine(RepoPaths.Root, "artifacts", "rpm", $"fence-zvm-{Version}.src.rpm"), sourceRpm);

        // A fresh HOME and package cache: nothing restored before can help, and no NuGet.config names a source.
        string home = Path.Combine(work, "home");
        Directory.CreateDirectory(home);
        var rebuild = await ProcessRunner.RunAsync("unshare", [
            // --nodeps: the SDK is not an RPM on this (Debian) machine; BuildRequires is checked by RpmSpecTests.
            "-n", "--", "rpmbuild", "--rebuild", "--nodeps", "--with", "framework_dependent",
            "--define", $"_topdir {work}/top", "--define", $"_rpmdir {work}/rpms",
            "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
            "--define", "__brp_compress bash %{_rpmconfigdir}/brp-compress %{?_prefix}",
            sourceRpm,
        ], environment: new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(work, "empty-cache"),
            ["DOTNET_CLI_HOME"] = home,
        }, timeout: TimeSpan.FromMinutes(15));
        rebuildLog = rebuild.ToString();
        Assert.That(rebuild.ExitCode, Is.EqualTo(0), rebuildLog);

        root = Path.Combine(work, "root");
        Directory.CreateDirectory(root);
        foreach (string package in (string[])["fence-zvm", "fence-zvm-simulator"])
        {
            string rpm = Directory.GetFiles(Path.Combine(work, "rpms"), $"{package}-{Version}.*.rpm").Single();
            var extract = await ProcessRunner.RunAsync("sh", ["-c", "cd \"$1\" && rpm2cpio \"$2\" | cpio -idm --quiet", "sh", root, rpm]);
            Assert.That(extract.ExitCode, Is.EqualTo(0), extract.ToString());
        }

        appDirectory = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Sbin, new FileInfo(Path.Combine(Sbin, "fence_zvmip")).LinkTarget!)))!;
    }

    [OneTimeTearDown]
    public void RemoveScratch()
    {
        File.Delete(TestAgents.PathOf(FencerAgent));
        if (work.Length > 0 && Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

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
    public async Task StdinStatusOffOn_AgainstThePackagedSimulator()
    {
        await using var sim = await SmapiSimProcess.StartAsync(Path.Combine(root, "usr", "bin", "smapi-sim"), ["CNODE1=on"], [$"{User}:{Password}"],
            Path.Combine(work, "sim-stdin", "state.json"));
        string Stdin(string action) =>
            $"action={action}\nip=127.0.0.1\nipport={sim.PortText}\nusername={User}\npassword={Password}\nport=CNODE1\ndisable_ssl=1\n";

        var status = await ProcessRunner.RunAsync(Path.Combine(Sbin, "fence_zvmip"), [], Stdin("status"));
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        var off = await ProcessRunner.RunAsync(Path.Combine(Sbin, "fence_zvmip"), [], Stdin("off"));
        Assert.That(off.ExitCode, Is.Zero, off.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo("off"));
        var statusOff = await ProcessRunner.RunAsync(Path.Combine(Sbin, "fence_zvmip"), [], Stdin("status"));
        Assert.That(statusOff.ExitCode, Is.EqualTo(2), statusOff.ToString());
        var on = await ProcessRunner.RunAsync(Path.Combine(Sbin, "fence_zvmip"), [], Stdin("on"));
        Assert.That(on.ExitCode, Is.Zero, on.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo("on"));
    }

    [Test]
    public async Task StonithAdminFence_ThroughPacemakersFencer()
    {
        PacemakerRequirements.RequireAll();
        File.Delete(TestAgents.PathOf(FencerAgent));
        File.CreateSymbolicLink(TestAgents.PathOf(FencerAgent), Path.Combine(appDirectory, "fence_zvmip"));
        await using var sim = await SmapiSimProcess.StartAsync(Path.Combine(root, "usr", "bin", "smapi-sim"), ["CNODE1=on"], [$"{User}:{Password}"],
            Path.Combine(work, "sim-fencer", "state.json"));
        await using var fencer = await StandaloneFencer.StartAsync(Path.Combine(work, "fencer"));
        var register = await ClusterCli.StonithAdminAsync(
            "--register", "fdrpm", "--agent", FencerAgent,
            "--option", "ip=127.0.0.1", "--option", "ipport=" + sim.PortText, "--option", "disable_ssl=1",
            "--option", "username=" + User, "--option", "password=" + Password, "--option", "pcmk_host_map=fd-node1:CNODE1");
        Assert.That(register.ExitCode, Is.Zero, register.ToString());

        var fence = await ClusterCli.StonithAdminAsync("--fence", "fd-node1", "--timeout", "30");

        Assert.That(fence.ExitCode, Is.Zero, $"{fence}\n{fencer.Describe()}");
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo("off"), sim.StateFileText);
    }
}
