using System.Security.Cryptography;
using FenceZvm.Tests.Pacemaker;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// The .debs of ./build.sh deb installed into this machine with dpkg -i, as a user would: fence-agents'
/// /usr/sbin/fence_zvmip is diverted while fence-zvm is installed, the installed agent fences through the
/// installed smapi-sim and through pacemaker's fencer under its own name, and dpkg -P puts the machine back
/// as it was (the same upstream file, no diversion left). NonParallelizable: while the upstream agent is
/// diverted no other test (many run it) may run; NUnit runs such a fixture alone.
/// </summary>
[NonParallelizable]
public sealed class DebInstallTests
{
    private const string Agent = "/usr/sbin/fence_zvmip";
    private const string ManPage = "/usr/share/man/man8/fence_zvmip.8.gz";
    private const string Diverted = "/usr/sbin/fence_zvmip.fence-agents";
    private string work = "";

    [OneTimeSetUp]
    public async Task Build()
    {
        if (Environment.UserName != "root")
        {
            Assert.Ignore("needs root to install the .debs with dpkg -i");
        }

        PacemakerRequirements.RequireAll();
        await DebTools.BuildAsync();
        work = Directory.CreateTempSubdirectory("fence-zvm-debinst-").FullName;
    }

    [OneTimeTearDown]
    public void RemoveScratch() => PackagedAgentChecks.RemoveScratch(work);

    [Test]
    public async Task Installed_DivertsUpstream_FencesThroughTheSimulatorAndTheFencer_AndPurgeRestoresUpstream()
    {
        var installed = await ProcessRunner.RunAsync("dpkg-query", ["-W", "-f", "${Status}", "fence-zvm"]);
        Assert.That(installed.Stdout, Does.Not.Contain("installed"), "fence-zvm is already installed here: remove it first (dpkg -P fence-zvm-simulator fence-zvm)");
        string? agentBefore = Fingerprint(Agent), manBefore = Fingerprint(ManPage);
        string ownerBefore = (await ProcessRunner.RunAsync("dpkg", ["-S", Agent])).Stdout;

        try
        {
            await DebTools.RunAsync("dpkg", "-i", DebTools.Package("fence-zvm"), DebTools.Package("fence-zvm-simulator"));

            var divert = await DebTools.RunAsync("dpkg-divert", "--listpackage", Agent);
            Assert.That(divert.Stdout.Trim(), Is.EqualTo("fence-zvm"));
            Assert.That(Fingerprint(Diverted), Is.EqualTo(agentBefore), "fence-agents' agent, kept under its diverted name");
            var version = await ProcessRunner.RunAsync(Agent, ["--version"]);
            Assert.That(version.Stdout, Does.StartWith(DebTools.UpstreamVersion), "the installed agent is ours");

            await PackagedAgentChecks.StdinStatusOffOnAsync(Agent, "/usr/bin/smapi-sim", work);
            // Under the distribution's name: what an existing stonith resource (agent fence_zvmip) runs.
            await PackagedAgentChecks.FenceThroughPacemakerAsync("fence_zvmip", "/usr/bin/smapi-sim", work);
        }
        finally
        {
            var purge = await ProcessRunner.RunAsync("dpkg", ["-P", "fence-zvm-simulator", "fence-zvm"], timeout: TimeSpan.FromMinutes(5));
            Assert.That(purge.ExitCode, Is.Zero, $"the machine is left with fence-zvm installed: {purge}");
        }

        Assert.That(Fingerprint(Agent), Is.EqualTo(agentBefore), "fence-agents' fence_zvmip is back");
        Assert.That(Fingerprint(ManPage), Is.EqualTo(manBefore), "and its man page");
        Assert.That(File.Exists(Diverted), Is.False);
        Assert.That((await ProcessRunner.RunAsync("dpkg-divert", ["--listpackage", Agent])).Stdout.Trim(), Is.Empty, "no diversion left");
        Assert.That((await ProcessRunner.RunAsync("dpkg", ["-S", Agent])).Stdout, Is.EqualTo(ownerBefore));
    }

    /// <summary>The file's SHA-256, or null when there is none.</summary>
    private static string? Fingerprint(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : null;
}
