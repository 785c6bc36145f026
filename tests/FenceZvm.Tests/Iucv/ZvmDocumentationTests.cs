using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Iucv;

/// <summary>What the binary prints about itself when invoked as fence_zvm.</summary>
public sealed class ZvmDocumentationTests
{
    [Test]
    public async Task MetadataIsFenceZvmsAndValidatesWithoutTheTestingAid()
    {
        ProcessResult r = await ZvmAgentProcess.RunAsync("-o", "metadata");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Does.Contain("<resource-agent name=\"fence_zvm\"").And.Not.Contain("FENCE_ZVM_IUCV_SOCKET"));
        var (exit, stderr) = await InstalledSchemas.ValidateAsync(r.Stdout, InstalledSchemas.FenceAgents);
        Assert.That(exit, Is.EqualTo(0), stderr);
    }

    [Test]
    public async Task HelpShowsTheIucvOptionsAndNoCredentials()
    {
        ProcessResult r = await ZvmAgentProcess.RunAsync("-h");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Does.StartWith("Usage:\n\tfence_zvm [options]"));
        Assert.That(r.Stdout, Does.Contain("--zvmsys").And.Contain("-T, --timeout").And.Contain("SMAPI IUCV server"));
        Assert.That(r.Stdout, Does.Not.Contain("--username").And.Not.Contain("--password").And.Not.Contain("--ssl"));
    }

    [Test]
    public async Task ManpageDocumentsTheTestingAidAndTheRealMonitor()
    {
        ProcessResult r = await ZvmAgentProcess.RunAsync("-o", "manpage");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Does.StartWith(".TH FENCE_ZVM 8"));
        Assert.That(r.Stdout, Does.Contain("FENCE_ZVM_IUCV_SOCKET").And.Contain("Query_API_Functional_Level"));
    }
}
