using System.Text.RegularExpressions;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>The branches of packaging/rpm/fence-zvm.spec that this host does not build, expanded by rpmspec -P.</summary>
public class RpmSpecTests
{
    private static string Spec => Path.Combine(RepoPaths.Root, "packaging", "rpm", "fence-zvm.spec");

    [SetUp]
    public void RequireRpmspec() => RpmTools.RequireRpmbuild();

    [Test]
    public async Task S390x_BuildsAPlainFrameworkDependentApp_ForTheSdksRid_FromTheBundledPackages()
    {
        var spec = await Expand("--target", "s390x");

        Assert.That(spec, Does.Contain("fence-zvm build: framework-dependent"));
        Assert.That(spec, Does.Contain("--self-contained false -p:PublishAot=false -p:UseAppHost=true"));
        Assert.That(spec, Does.Not.Contain("PublishSingleFile").And.Not.Contain("--use-current-runtime"), "no single-file on Mono; no portable RID");
        Assert.That(spec, Does.Contain("rid=$(dotnet --info").And.Contain("-r $rid --source $PWD/nuget --packages $PWD/nuget-packages"));
        Assert.That(spec, Does.Match(@"(?m)^Source1:\s+fence-zvm-nuget-"));
        Assert.That(spec, Does.Match(@"(?m)^BuildRequires:\s+dotnet-sdk-10\.0$"));
        Assert.That(Regex.Matches(spec, @"(?m)^Requires:\s+dotnet-runtime-10\.0\(s390-64\)$"), Has.Count.EqualTo(2), "the agents and the simulator");
        Assert.That(spec, Does.Not.Contain("nativeaot").And.Not.Contain("libssl.so.3"));
        Assert.That(spec, Does.Contain("/usr/lib64/fence-zvm/").And.Contain("\nln -s \"$sbin_to_app/fence_zvmip\" "), "the agents are symlinks to the apphost in the private directory");
    }

    [TestCase("x86_64", "linux-x64")]
    [TestCase("aarch64", "linux-arm64")]
    public async Task X86_64AndAarch64_BuildNativeAot(string target, string rid)
    {
        var spec = await Expand("--target", target);

        Assert.That(spec, Does.Contain($"fence-zvm build: nativeaot (-r {rid})"));
        Assert.That(spec, Does.Match(@"(?m)^BuildRequires:\s+gcc$"));
        Assert.That(spec, Does.Match(@"(?m)^Requires:\s+libssl\.so\.3\(\)\(64bit\)$"));
        Assert.That(spec, Does.Not.Match(@"(?m)^Requires:\s+dotnet-runtime").And.Not.Contain("PublishSingleFile"));
        Assert.That(spec, Does.Contain("\nln -s fence_zvmip "));
    }

    [Test]
    public async Task Prebuilt_TakesThePublishedBinaries_AndNeedsNoSdk()
    {
        var spec = await Expand("--target", "x86_64", "--define", "prebuilt_dir /opt/published");

        Assert.That(spec, Does.Contain("fence-zvm build: prebuilt binaries from /opt/published"));
        Assert.That(spec, Does.Contain("install -D -m 0755 /opt/published/fence_zvmip "));
        Assert.That(spec, Does.Not.Contain("BuildRequires").And.Not.Contain("dotnet publish"));
    }

    [Test]
    public async Task AgentSuffix_InstallsBesideFenceAgentsZvm()
    {
        var spec = await Expand("--target", "x86_64", "--define", "agent_suffix _native");

        Assert.That(spec, Does.Not.Contain("Conflicts:"));
        Assert.That(spec, Does.Contain("/usr/sbin/fence_zvmip_native\n").And.Contain("/usr/sbin/fence_zvm_native\n"));
        Assert.That(spec, Does.Contain("/usr/share/man/man8/fence_zvm_native.8*"));
    }

    [TestCase("s390x")]
    [TestCase("x86_64")]
    [TestCase("aarch64")]
    public async Task Descriptions_FitRpmlintsLineLength(string target)
    {
        var result = await ProcessRunner.RunAsync("rpmspec", ["-q", "--target", target, "--qf", "%{description}\n", Spec]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StdoutLines, Has.All.Length.LessThanOrEqualTo(79), "rpmlint: description-line-too-long is an error");
    }

    [Test]
    public async Task WithFrameworkDependent_BuildsTheS390xKindOnX86_64()
    {
        var spec = await Expand("--target", "x86_64", "--with", "framework_dependent");

        Assert.That(spec, Does.Contain("fence-zvm build: framework-dependent"));
        Assert.That(spec, Does.Match(@"(?m)^Requires:\s+dotnet-runtime-10\.0\(x86-64\)$"));
    }

    [Test]
    public async Task Version_IsTheProjectVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>(.*)</Version>").Groups[1].Value;

        Assert.That(await Expand("--target", "x86_64"), Does.Match($@"(?m)^Version:\s+{Regex.Escape(version)}$"));
    }

    private static async Task<string> Expand(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("rpmspec", ["-P", .. arguments, Spec]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Is.Empty, "the spec parses without warnings");
        return result.Stdout;
    }
}
