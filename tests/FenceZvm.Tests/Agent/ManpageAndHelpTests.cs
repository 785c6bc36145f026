using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

public class ManpageAndHelpTests
{
    [TestCase(AgentFlavor.Zvmip)]
    [TestCase(AgentFlavor.Zvm)]
    public async Task Manpage_RendersWithoutWarnings(AgentFlavor flavor)
    {
        var groff = ProcessRunner.FindOnPath("groff");
        if (groff is null)
        {
            Assert.Ignore("groff is not installed (apt-get install groff)");
        }

        ProcessResult r = await ProcessRunner.RunAsync(groff!, ["-man", "-ww", "-z"], AgentFrontEnd.Manpage(flavor));

        Assert.That(r.Stderr, Is.Empty);
        Assert.That(r.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void Manpage_HasEverySection_AndEveryOption()
    {
        var page = AgentFrontEnd.Manpage(AgentFlavor.Zvmip);

        foreach (var section in new[] { "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "STDIN PARAMETERS", "ACTIONS", "EXIT STATUS", "EXAMPLES", "SEE ALSO" })
        {
            Assert.That(page, Does.Contain($".SH {section}\n"));
        }

        Assert.That(page, Does.StartWith(".TH FENCE_ZVMIP 8 "));
        foreach (var spec in OptionTable.For(AgentFlavor.Zvmip))
        {
            Assert.That(page, Does.Contain(".B " + spec.Name.Replace("-", "\\-") + "\n"), spec.Name);
        }
    }

    [Test]
    public void Help_HasUpstreamLayout()
    {
        var lines = AgentFrontEnd.Help(AgentFlavor.Zvmip).Split('\n');

        Assert.That(lines[..3], Is.EqualTo(new[] { "Usage:", "\tfence_zvmip [options]", "Options:" }));
        Assert.That(lines, Does.Contain("   -u, --ipport=[port]            TCP port of the SMAPI server (default: 44444)"));
        Assert.That(lines, Does.Contain("   -h, --help                     Print this list of options and exit"));
        Assert.That(lines[3], Does.StartWith("   -o, --action=[action]          What to do with the guest: on, off, reboot"));
        Assert.That(lines[4], Does.StartWith(new string(' ', 40)));
        Assert.That(lines.All(l => l.Length <= 85), Is.True);
    }

    [Test]
    public void Help_ListsEachOptionOfTheFlavor()
    {
        var zvm = AgentFrontEnd.Help(AgentFlavor.Zvm);

        Assert.That(zvm, Does.Contain("\tfence_zvm [options]"));
        Assert.That(zvm, Does.Contain("-T, --timeout=[seconds]"));
        Assert.That(zvm, Does.Contain("--zvmsys=[system]"));
        Assert.That(zvm, Does.Not.Contain("--username"));
    }
}
