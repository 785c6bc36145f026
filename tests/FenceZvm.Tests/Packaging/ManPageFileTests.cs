using FenceZvm.Agent.Options;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// man/fence_zvmip.8 and man/fence_zvm.8 are the committed output of -o manpage. After changing the option
/// table or ManpageWriter, regenerate them: artifacts/bin/fence_zvmip -o manpage > man/fence_zvmip.8 and
/// artifacts/bin/fence_zvm -o manpage > man/fence_zvm.8.
/// </summary>
public class ManPageFileTests
{
    private static readonly string[] Sections =
        ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "STDIN PARAMETERS", "ACTIONS", "EXIT STATUS", "EXAMPLES", "SEE ALSO"];

    private static string Committed(string agent) => File.ReadAllText(Path.Combine(RepoPaths.Root, "man", agent + ".8"));

    private static string Regenerate(string agent) =>
        $"regenerate it: artifacts/bin/{agent} -o manpage > man/{agent}.8";

    [TestCase(AgentFlavor.Zvmip, "fence_zvmip")]
    [TestCase(AgentFlavor.Zvm, "fence_zvm")]
    public void CommittedManPage_IsWhatTheGeneratorWrites(AgentFlavor flavor, string agent)
    {
        Assert.That(Committed(agent), Is.EqualTo(AgentFrontEnd.Manpage(flavor)), Regenerate(agent));
    }

    [TestCase("fence_zvmip")]
    [TestCase("fence_zvm")]
    public async Task CommittedManPage_IsWhatTheBinaryPrints(string agent)
    {
        var result = await ProcessRunner.RunAsync(RepoPaths.Binary(agent), ["-o", "manpage"]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo(Committed(agent)), Regenerate(agent));
    }

    [TestCase("fence_zvmip")]
    [TestCase("fence_zvm")]
    public void CommittedManPage_HasTheSectionsAndThePrerequisites(string agent)
    {
        var page = Committed(agent);

        Assert.That(page, Does.StartWith($".TH {agent.ToUpperInvariant()} 8 "));
        foreach (var section in Sections)
        {
            Assert.That(page, Does.Contain($".SH {section}\n"), section);
        }

        Assert.That(page, Does.Contain("VSMWORK1 AUTHLIST").And.Contain("NAMELIST").And.Contain(":nick.ZVM_FENCE"));
        Assert.That(page, Does.Contain("pcs stonith create").And.Contain("pcmk_host_map="));
        Assert.That(page, Does.Contain($"| {agent}\n"), "an example on standard input");
        Assert.That(page, agent == "fence_zvm" ? Does.Contain("\nIUCV ANY\n") : Does.Not.Contain("IUCV ANY"));
    }

    [TestCase("fence_zvmip")]
    [TestCase("fence_zvm")]
    public async Task CommittedManPage_RendersWithoutGroffWarnings(string agent)
    {
        var groff = ProcessRunner.FindOnPath("groff") ?? Ignore("groff is not installed (apt-get install groff-base; ./build.sh test does as root)");

        var result = await ProcessRunner.RunAsync(groff, ["-man", "-ww", "-z", Path.Combine(RepoPaths.Root, "man", agent + ".8")]);

        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(0));
    }

    [TestCase("fence_zvmip")]
    [TestCase("fence_zvm")]
    public async Task CommittedManPage_RendersWithoutManWarnings(string agent)
    {
        var man = ProcessRunner.FindOnPath("man") ?? Ignore("man is not installed (apt-get install man-db; ./build.sh test does as root)");
        var environment = new Dictionary<string, string> { ["MANWIDTH"] = "80", ["MANPAGER"] = "cat", ["LC_ALL"] = "C.UTF-8" };

        var result = await ProcessRunner.RunAsync(man, ["--warnings", "-l", Path.Combine(RepoPaths.Root, "man", agent + ".8")], environment: environment);

        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Does.Contain("SYNOPSIS").And.Contain(agent));
        Assert.That(result.StdoutLines.Max(l => l.Length), Is.LessThanOrEqualTo(80), "no line wider than the terminal");
    }

    private static string Ignore(string reason)
    {
        Assert.Ignore(reason);
        return "";
    }
}
