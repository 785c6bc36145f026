using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// ./build.sh rpm on this host (x86_64 or aarch64): the RPMs' files and dependencies, rpmlint, and the agent
/// run from the extracted package. The packaging reuses the binaries ./build.sh test has just published.
/// </summary>
[NonParallelizable]
public class RpmPackageTests
{
    private const string Version = "0.1.0-1";

    /// <summary>
    /// The rpmlint warnings accepted, each for a reason: no-url-tag (the project has no public home page yet),
    /// invalid-url (Source0 is the tarball ./build.sh makes with git archive, not a download), and
    /// no-manual-page-for-binary (rpmlint 2.4 compares binaries with the man page sections, not their names:
    /// fence_zvmip.8 and fence_zvm.8 are there; smapi-sim has --help only). Errors are never accepted, nor
    /// position-independent-executable-suggested: every executable is PIE (ElfHardeningTests).
    /// </summary>
    private static readonly string[] AcceptedWarnings = ["no-url-tag", "invalid-url", "no-manual-page-for-binary"];

    private string rpmDir = "";
    private string arch = "";

    private string Main => Path.Combine(rpmDir, $"fence-zvm-{Version}.{arch}.rpm");

    private string Simulator => Path.Combine(rpmDir, $"fence-zvm-simulator-{Version}.{arch}.rpm");

    [OneTimeSetUp]
    public async Task BuildTheRpms()
    {
        RpmTools.RequireRpmbuild();
        arch = (await Run("uname", "-m")).Stdout.Trim();
        var build = await ProcessRunner.RunAsync(Path.Combine(RepoPaths.Root, "build.sh"), ["rpm"],
            environment: new Dictionary<string, string> { ["FENCE_ZVM_RPM_REUSE_BIN"] = "1" }, timeout: TimeSpan.FromMinutes(10));
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        rpmDir = Path.Combine(RepoPaths.Root, "artifacts", "rpm");
    }

    [Test]
    public async Task MainPackage_HasTheAgents_TheManPages_ReadmeAndLicence()
    {
        var files = (await Run("rpm", "-qlp", Main)).StdoutLines.Where(f => !f.StartsWith("/usr/lib/.build-id", StringComparison.Ordinal));

        Assert.That(files, Is.EquivalentTo(new[]
        {
            "/usr/sbin/fence_zvmip", "/usr/sbin/fence_zvm",
            "/usr/share/man/man8/fence_zvmip.8.gz", "/usr/share/man/man8/fence_zvm.8.gz",
            "/usr/share/doc/fence-zvm", "/usr/share/doc/fence-zvm/README.md",
            "/usr/share/licenses/fence-zvm", "/usr/share/licenses/fence-zvm/LICENSE",
        }));
        var verbose = (await Run("rpm", "-qlvp", Main)).StdoutLines;
        Assert.That(verbose.Single(l => l.Contains(" /usr/sbin/fence_zvm ", StringComparison.Ordinal)), Does.StartWith("l").And.EndWith("/usr/sbin/fence_zvm -> fence_zvmip"));
        Assert.That(verbose.Single(l => l.EndsWith(" /usr/sbin/fence_zvmip", StringComparison.Ordinal)), Does.StartWith("-rwxr-xr-x"));
    }

    [Test]
    public async Task SimulatorPackage_HasSmapiSim()
    {
        var files = (await Run("rpm", "-qlp", Simulator)).StdoutLines.Where(f => !f.StartsWith("/usr/lib/.build-id", StringComparison.Ordinal));

        Assert.That(files, Is.EquivalentTo(new[]
        {
            "/usr/bin/smapi-sim",
            "/usr/share/doc/fence-zvm-simulator", "/usr/share/doc/fence-zvm-simulator/README.md",
            "/usr/share/licenses/fence-zvm-simulator", "/usr/share/licenses/fence-zvm-simulator/LICENSE",
        }));
    }

    [Test]
    public async Task MainPackage_NeedsLibcAndOpenSsl_NoDotnetRuntime_AndConflictsWithFenceAgentsZvm()
    {
        var requires = (await Run("rpm", "-qpR", Main)).StdoutLines.Select(l => l.Trim()).ToArray();
        var conflicts = (await Run("rpm", "-qp", "--conflicts", Main)).StdoutLines;

        Assert.That(requires, Does.Contain("libssl.so.3()(64bit)"), "dlopen()ed by the TLS code, so declared by hand");
        Assert.That(requires, Has.Some.StartsWith("libc.so.6("));
        Assert.That(requires, Has.None.Contains("dotnet"), "NativeAOT needs no .NET runtime");
        Assert.That(conflicts, Is.EqualTo(new[] { "fence-agents-zvm" }));
    }

    [Test]
    public async Task Rpmlint_FindsNoErrors_AndOnlyTheExplainedWarnings()
    {
        var rpmlint = ProcessRunner.FindOnPath("rpmlint");
        if (rpmlint is null)
        {
            Assert.Fail("rpmlint is not installed: apt-get install rpmlint (./build.sh test does as root)");
        }

        var result = await ProcessRunner.RunAsync(rpmlint!,
        [
            "-c", Path.Combine(RepoPaths.Root, "packaging", "rpm", "rpmlint.toml"),
            Path.Combine(RepoPaths.Root, "packaging", "rpm", "fence-zvm.spec"),
            Main, Simulator, Path.Combine(rpmDir, $"fence-zvm-{Version}.src.rpm"),
        ]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain(" 0 errors,"), result.ToString());
        var warnings = Regex.Matches(result.Stdout, @": W: (\S+)").Select(m => m.Groups[1].Value).Distinct();
        Assert.That(warnings, Is.SubsetOf(AcceptedWarnings), result.Stdout);
    }

    [Test]
    public async Task ExtractedPackage_RunsAsBothAgents_AndShipsTheCommittedManPages()
    {
        var root = Directory.CreateTempSubdirectory("fence-zvm-rpm-").FullName;
        try
        {
            var extract = await Run("sh", "-c", "cd \"$1\" && rpm2cpio \"$2\" | cpio -idm --quiet", "sh", root, Main);
            Assert.That(extract.ExitCode, Is.EqualTo(0), extract.ToString());
            var sbin = Path.Combine(root, "usr", "sbin");
            Assert.That(new FileInfo(Path.Combine(sbin, "fence_zvm")).LinkTarget, Is.EqualTo("fence_zvmip"));

            foreach (var agent in new[] { "fence_zvmip", "fence_zvm" })
            {
                var metadata = await ProcessRunner.RunAsync(Path.Combine(sbin, agent), ["-o", "metadata"]);
                Assert.That(metadata.ExitCode, Is.EqualTo(0), metadata.ToString());
                var agentElement = XDocument.Parse(metadata.Stdout).Root!;
                Assert.That(agentElement.Name.LocalName, Is.EqualTo("resource-agent"));
                Assert.That(agentElement.Attribute("name")?.Value, Is.EqualTo(agent));

                await using var gz = new GZipStream(File.OpenRead(Path.Combine(root, "usr", "share", "man", "man8", agent + ".8.gz")), CompressionMode.Decompress);
                using var reader = new StreamReader(gz);
                Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(File.ReadAllText(Path.Combine(RepoPaths.Root, "man", agent + ".8"))), agent);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ProcessResult> Run(string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.FindOnPath(program) ?? program, arguments);
        Assert.That(result.ExitCode, Is.EqualTo(0), $"{program} {string.Join(' ', arguments)}: {result}");
        return result;
    }
}
