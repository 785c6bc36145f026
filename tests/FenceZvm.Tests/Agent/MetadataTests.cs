using System.Xml.Linq;
using FenceZvm.Agent.Options;
using FenceZvm.Tests.Support;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

/// <summary>
/// Our -o metadata against the installed upstream agent's: the same parameters with the same names, types,
/// defaults, switches, required/deprecated/obsoletes flags and order (the interface pcs and pacemaker read),
/// in prose of our own; valid for the schemas its readers ship.
/// </summary>
public class MetadataTests
{
    /// <summary>The one parameter whose default differs from upstream on purpose (README).</summary>
    private const string DeliberatelyDifferent = "missing_as_off";

    [TestCase(AgentFlavor.Zvmip)]
    [TestCase(AgentFlavor.Zvm)]
    public async Task Metadata_ValidatesAgainstTheFenceAgentsSchema(AgentFlavor flavor)
    {
        var (exit, stderr) = await InstalledSchemas.ValidateAsync(AgentFrontEnd.Metadata(flavor), InstalledSchemas.FenceAgents);

        Assert.That(exit, Is.EqualTo(0), stderr);
    }

    [TestCase(AgentFlavor.Zvmip)]
    [TestCase(AgentFlavor.Zvm)]
    public async Task Metadata_ValidatesAgainstTheOcfSchemaOfPcs(AgentFlavor flavor)
    {
        var (exit, stderr) = await InstalledSchemas.ValidateAsync(AgentFrontEnd.Metadata(flavor), InstalledSchemas.PcsOcf);

        Assert.That(exit, Is.EqualTo(0), stderr);
    }

    [Test]
    public async Task Zvmip_HasEveryUpstreamParameter_WithTheSameAttributes()
    {
        var ours = Parameters(Ours(AgentFlavor.Zvmip));

        foreach (var (name, upstream) in Parameters(await UpstreamAgent.MetadataDocumentAsync()))
        {
            Assert.That(ours.ContainsKey(name), Is.True, name);
            Assert.That(Signature(ours[name], upstream.Element("content") is not null), Is.EqualTo(Signature(upstream, true)), name);
        }
    }

    /// <summary>Issue 17: upstream forces missing_as_off=1; ours defaults to 0 and says why.</summary>
    [Test]
    public async Task MissingAsOff_DefaultsToZeroAndSaysSo()
    {
        var mine = Parameters(Ours(AgentFlavor.Zvmip))[DeliberatelyDifferent];
        var upstream = Parameters(await UpstreamAgent.MetadataDocumentAsync())[DeliberatelyDifferent];

        Assert.That(Attr(upstream.Element("content")!, "default"), Is.EqualTo("1"));
        Assert.That(Attr(mine.Element("content")!, "default"), Is.EqualTo("0"));
        Assert.That(Attr(mine.Element("content")!, "type"), Is.EqualTo("boolean"));
        Assert.That(mine.Element("shortdesc")!.Value, Does.Contain("does not define").And.Contain("unlike upstream"));
    }

    [Test]
    public async Task Zvmip_KeepsUpstreamParameterOrder_AndAddsOurs()
    {
        var upstream = Parameters(await UpstreamAgent.MetadataDocumentAsync()).Keys.ToList();
        var ours = Parameters(Ours(AgentFlavor.Zvmip)).Keys.ToList();

        Assert.That(ours.Where(upstream.Contains), Is.EqualTo(upstream));
        Assert.That(ours.Except(upstream), Is.EquivalentTo(new[] { "ssl_ca", "ssl_fingerprint", "smapi_encoding" }));
    }

    [Test]
    public async Task Zvmip_HasTheUpstreamActions()
    {
        var ours = Ours(AgentFlavor.Zvmip);

        Assert.That(Actions(ours), Is.EqualTo(Actions(await UpstreamAgent.MetadataDocumentAsync())));
        Assert.That(ours.Root!.Attribute("name")!.Value, Is.EqualTo("fence_zvmip"));
        Assert.That(ours.Root.Element("actions")!.Element("action")!.Attribute("automatic")!.Value, Is.EqualTo("0"));
    }

    [Test]
    public async Task Zvmip_DescribesEverythingInItsOwnWords()
    {
        var ours = Ours(AgentFlavor.Zvmip);
        var upstream = await UpstreamAgent.MetadataDocumentAsync();
        var mine = Parameters(ours);

        Assert.That(ours.Root!.Attribute("shortdesc")!.Value, Is.Not.EqualTo(upstream.Root!.Attribute("shortdesc")!.Value));
        Assert.That(ProseLines(ours.Root.Element("longdesc")!.Value).Intersect(ProseLines(upstream.Root.Element("longdesc")!.Value)), Is.Empty);
        foreach (var (name, theirs) in Parameters(upstream))
        {
            Assert.That(mine[name].Element("shortdesc")!.Value, Is.Not.EqualTo(theirs.Element("shortdesc")!.Value), name);
        }
    }

    /// <summary>pcs and pacemaker parse the XML, but scripts and diffs compare upstream's exact layout: tabs, attribute order, spacing.</summary>
    [Test]
    public async Task Zvmip_TextLayout_MatchesUpstreamLineForLine_ForSharedParameters()
    {
        var ours = AgentFrontEnd.Metadata(AgentFlavor.Zvmip).Split('\n');
        var upstream = (await UpstreamAgent.MetadataAsync()).Split('\n');

        Assert.That(ours[0], Is.EqualTo(upstream[0]));
        Assert.That(ours[1], Does.Match("^<resource-agent name=\"fence_zvmip\" shortdesc=\"[^\"]+\" >$"));
        foreach (var line in upstream.Where(l => l.StartsWith("\t<parameter") || l.StartsWith("\t\t<content") || l.StartsWith("\t<action")))
        {
            Assert.That(ours, Does.Contain(line));
        }
    }

    [Test]
    public async Task Zvm_HasItsOwnParameters()
    {
        var doc = Ours(AgentFlavor.Zvm);
        var parameters = Parameters(doc);

        Assert.That(doc.Root!.Attribute("name")!.Value, Is.EqualTo("fence_zvm"));
        Assert.That(doc.Root.Element("longdesc")!.Value, Does.Contain("IUCV ANY").And.Contain("IUCV VSMREQIU").And.Contain("AUTHLIST"));
        Assert.That(parameters.Keys, Does.Contain("zvmsys").And.Contain("timeout").And.Contain("plug"));
        Assert.That(parameters.Keys, Does.Not.Contain("username").And.Not.Contain("password").And.Not.Contain("ipport").And.Not.Contain("ssl"));
        Assert.That(Attr(parameters["ip"], "required"), Is.EqualTo("0"));
        Assert.That(Attr(parameters["ip"].Element("content")!, "default"), Is.EqualTo("VSMREQIU"));
        Assert.That(Actions(doc), Is.EqualTo(Actions(await UpstreamAgent.MetadataDocumentAsync())));
    }

    private static XDocument Ours(AgentFlavor flavor) => XDocument.Parse(AgentFrontEnd.Metadata(flavor));

    /// <summary>Everything about a parameter but its prose; the content only where upstream's version has one.</summary>
    private static string Signature(XElement parameter, bool withContent)
    {
        var content = parameter.Element("content");
        var choices = content?.Elements("option").Select(o => Attr(o, "value"));
        return $"required={Attr(parameter, "required")} deprecated={Attr(parameter, "deprecated")} obsoletes={Attr(parameter, "obsoletes")} "
            + $"getopt={parameter.Element("getopt")!.Attribute("mixed")!.Value}"
            + (withContent ? $" type={Attr(content, "type")} options={string.Join('|', choices ?? [])}" : "")
            + (withContent && Attr(parameter, "name") != DeliberatelyDifferent ? $" default={Attr(content, "default")}" : "");
    }

    /// <summary>The lines of a longdesc that are sentences (the NAMELIST function names are facts both share).</summary>
    private static IEnumerable<string> ProseLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Split(' ').Length >= 4);

    private static Dictionary<string, XElement> Parameters(XDocument doc) =>
        doc.Root!.Element("parameters")!.Elements("parameter").ToDictionary(p => p.Attribute("name")!.Value);

    private static string[] Actions(XDocument doc) =>
        doc.Root!.Element("actions")!.Elements("action").Select(a => a.Attribute("name")!.Value).ToArray();

    private static string? Attr(XElement? element, string name) => element?.Attribute(name)?.Value;
}
