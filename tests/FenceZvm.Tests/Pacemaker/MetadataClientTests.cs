using FenceZvm.Agent.Metadata;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// Pacemaker's and pcs's metadata readers accept ours, without any running cluster:
/// stonith_admin and crm_resource run the agent with stdin "action=metadata", pcs renders the parameters.
/// </summary>
public sealed class MetadataClientTests
{
    [TestCase(TestAgents.Zvmip, "fence_zvmip")]
    [TestCase(TestAgents.Zvm, "fence_zvm")]
    public async Task StonithAdminAcceptsTheMetadata(string agent, string flavour)
    {
        ProcessResult r = await ClusterCli.StonithAdminAsync("--metadata", "--agent", agent);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain($"<resource-agent name=\"{flavour}\"").And.Contain("<parameter name=\"plug\""), r.ToString());
    }

    [TestCase(TestAgents.Zvmip)]
    [TestCase(TestAgents.Zvm)]
    public async Task CrmResourceAcceptsTheMetadataAndAddsItsActions(string agent)
    {
        ProcessResult r = await ClusterCli.CrmResourceAsync("--show-metadata", "stonith:" + agent);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());

        // Pacemaker rewrites the metadata (adds start/stop) only when it found our <actions>.
        Assert.That(r.Stdout, Does.Contain("<action name=\"start\"").And.Contain("<action name=\"stop\"").And.Contain("<action name=\"off\""), r.ToString());
    }

    [Test]
    public async Task PcsDescribesOurParameters()
    {
        ProcessResult r = await ClusterCli.PcsAsync("stonith", "describe", TestAgents.Zvmip);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain($"{TestAgents.Zvmip} - {AgentDescription.Zvmip.ShortDesc}"), r.ToString());
        foreach (string line in new[] { "ip (required): ", "username (required): ", "ipport: ", "disable_ssl: ", "method: ", "smapi_encoding: ", "ssl_ca: " })
        {
            Assert.That(r.Stdout, Does.Contain(line), r.ToString());
        }
    }

    [Test]
    public async Task PcsDescribesTheIucvFlavour()
    {
        ProcessResult r = await ClusterCli.PcsAsync("stonith", "describe", TestAgents.Zvm);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("over IUCV").And.Contain("zvmsys: ").And.Not.Contain("username (required)"), r.ToString());
    }
}
