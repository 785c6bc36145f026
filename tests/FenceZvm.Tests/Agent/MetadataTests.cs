using System.Xml.Linq;
using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

public class MetadataTests
{
    /// <summary>Upstream's description, followed by what differs in ours (stonith_status_sleep: the default schedule).</summary>
    private static readonly string[] ExtendedDescriptions = ["stonith_status_sleep"];

    /// <summary>The one parameter whose default and description differ from upstream on purpose (README).</summary>
    private const string DeliberatelyDifferent = "missing_as_off";

    private static XDocument Upstream => XDocument.Load(SharedFiles.Path("reference/fence_zvmip.upstream.xml"));

    [TestCase(AgentFlavor.Zvmip)]
    [TestCase(AgentFlavor.Zvm)]
    public void Metadata_ValidatesAgainstTheSchema(AgentFlavor flavor)
    {
        var xmllint = ExternalTool.Find("xmllint");
        if (xmllint is null)
        {
            Assert.Ignore("xmllint is not installed (apt-get install libxml2-utils)");
        }

        var (exit, _, stderr) = ExternalTool.Run(xmllint!, AgentFrontEnd.Metadata(flavor),
            "--noout", "--relaxng", SharedFiles.Path("schema/metadata.rng"), "-");

        Assert.That(exit, Is.EqualTo(0), stderr);
    }

    [Test]
    public void Zvmip_HasEveryUpstreamParameter_WithTheSameAttributes()
    {
        var ours = Parameters(XDocument.Parse(AgentFrontEnd.Metadata(AgentFlavor.Zvmip)));

        foreach (var (name, upstream) in Parameters(Upstream))
        {
            Assert.That(ours.ContainsKey(name), Is.True, name);
            var mine = ours[name];
            Assert.That(Attr(mine, "required"), Is.EqualTo(Attr(upstream, "required")), name);
            Assert.That(Attr(mine, "deprecated"), Is.EqualTo(Attr(upstream, "deprecated")), name);
            Assert.That(Attr(mine, "obsoletes"), Is.EqualTo(Attr(upstream, "obsoletes")), name);
            Assert.That(mine.Element("getopt")!.Attribute("mixed")!.Value, Is.EqualTo(upstream.Element("getopt")!.Attribute("mixed")!.Value), name);
            if (name == DeliberatelyDifferent)
            {
                continue;
            }

            Assert.That(mine.Element("shortdesc")!.Value, ExtendedDescriptions.Contains(name)
                ? Does.StartWith(upstream.Element("shortdesc")!.Value)
                : Is.EqualTo(upstream.Element("shortdesc")!.Value), name);
            if (upstream.Element("content") is { } content)
            {
                Assert.That(Attr(mine.Element("content")!, "type"), Is.EqualTo(Attr(content, "type")), name);
                Assert.That(Attr(mine.Element("content")!, "default"), Is.EqualTo(Attr(content, "default")), name);
            }
        }
    }

    /// <summary>Issue 17: upstream forces missing_as_off=1; ours defaults to 0 and says why.</summary>
    [Test]
    public void MissingAsOff_DefaultsToZeroAndSaysSo()
    {
        var mine = Parameters(XDocument.Parse(AgentFrontEnd.Metadata(AgentFlavor.Zvmip)))[DeliberatelyDifferent];
        var upstream = Parameters(Upstream)[DeliberatelyDifferent];

        Assert.That(Attr(upstream.Element("content")!, "default"), Is.EqualTo("1"));
        Assert.That(Attr(mine.Element("content")!, "default"), Is.EqualTo("0"));
        Assert.That(Attr(mine.Element("content")!, "type"), Is.EqualTo("boolean"));
        Assert.That(mine.Element("shortdesc")!.Value, Does.Contain("does not define").And.Contain("unlike upstream"));
    }

    [Test]
    public void Zvmip_KeepsUpstreamParameterOrder_AndAddsOurs()
    {
        var upstream = Parameters(Upstream).Keys.ToList();
        var ours = Parameters(XDocument.Parse(AgentFrontEnd.Metadata(AgentFlavor.Zvmip))).Keys.ToList();

        Assert.That(ours.Where(upstream.Contains), Is.EqualTo(upstream));
        Assert.That(ours.Except(upstream), Is.EquivalentTo(new[] { "ssl_ca", "ssl_fingerprint", "smapi_encoding" }));
    }

    [Test]
    public void Zvmip_HasTheUpstreamActionsAndDescriptions()
    {
        var ours = XDocument.Parse(AgentFrontEnd.Metadata(AgentFlavor.Zvmip));
        var upstream = Upstream;

        Assert.That(Actions(ours), Is.EqualTo(Actions(upstream)));
        Assert.That(ours.Root!.Element("longdesc")!.Value, Is.EqualTo(upstream.Root!.Element("longdesc")!.Value));
        Assert.That(ours.Root.Attribute("shortdesc")!.Value, Is.EqualTo(upstream.Root.Attribute("shortdesc")!.Value));
        Assert.That(ours.Root.Attribute("name")!.Value, Is.EqualTo("fence_zvmip"));
        Assert.That(ours.Root.Element("actions")!.Element("action")!.Attribute("automatic")!.Value, Is.EqualTo("0"));
    }

    [Test]
    public void Zvmip_TextLayout_MatchesUpstreamLineForLine_ForSharedParameters()
    {
        var ours = AgentFrontEnd.Metadata(AgentFlavor.Zvmip).Split('\n');
        var upstream = File.ReadAllText(SharedFiles.Path("reference/fence_zvmip.upstream.xml")).Split('\n');

        Assert.That(ours[0], Is.EqualTo(upstream[0]));
        Assert.That(ours[1], Is.EqualTo(upstream[1]));
        foreach (var line in upstream.Where(l => l.StartsWith("\t<parameter") || l.StartsWith("\t\t<content") || l.StartsWith("\t<action")))
        {
            Assert.That(ours, Does.Contain(line));
        }
    }

    [Test]
    public void Zvm_HasItsOwnParameters()
    {
        var doc = XDocument.Parse(AgentFrontEnd.Metadata(AgentFlavor.Zvm));
        var parameters = Parameters(doc);

        Assert.That(doc.Root!.Attribute("name")!.Value, Is.EqualTo("fence_zvm"));
        Assert.That(doc.Root.Element("longdesc")!.Value, Does.Contain("IUCV ANY").And.Contain("IUCV VSMREQIU").And.Contain("AUTHLIST"));
        Assert.That(parameters.Keys, Does.Contain("zvmsys").And.Contain("timeout").And.Contain("plug"));
        Assert.That(parameters.Keys, Does.Not.Contain("username").And.Not.Contain("password").And.Not.Contain("ipport").And.Not.Contain("ssl"));
        Assert.That(Attr(parameters["ip"], "required"), Is.EqualTo("0"));
        Assert.That(Attr(parameters["ip"].Element("content")!, "default"), Is.EqualTo("VSMREQIU"));
        Assert.That(Actions(doc), Is.EqualTo(Actions(Upstream)));
    }

    private static Dictionary<string, XElement> Parameters(XDocument doc) =>
        doc.Root!.Element("parameters")!.Elements("parameter").ToDictionary(p => p.Attribute("name")!.Value);

    private static string[] Actions(XDocument doc) =>
        doc.Root!.Element("actions")!.Elements("action").Select(a => a.Attribute("name")!.Value).ToArray();

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;
}
