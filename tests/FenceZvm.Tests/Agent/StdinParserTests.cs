using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

public class StdinParserTests
{
    [Test]
    public void PacemakerFenceRequest_LastOfPortAndPlugWins()
    {
        var result = Parse.Stdin("nodename=node1\nip=127.0.0.1\naction=validate-all\nusername=X\nport=node1\npassword=Y\nplug=CNODE1\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Warnings, Is.Empty);
        Assert.That(result.Options.Action, Is.EqualTo(FenceAction.ValidateAll));
        Assert.That(result.Options.Hosts, Is.EqualTo(new[] { "127.0.0.1" }));
        Assert.That(result.Options.Username, Is.EqualTo("X"));
        Assert.That(result.Options.Password, Is.EqualTo("Y"));
        Assert.That(result.Options.Plugs, Is.EqualTo(new[] { "CNODE1" }));
    }

    [Test]
    public void PlugThenPort_PortWins()
    {
        Assert.That(Parse.Stdin("plug=CNODE1\nport=CNODE2\n").Options.Plugs, Is.EqualTo(new[] { "CNODE2" }));
    }

    [Test]
    public void CommentsBlankLinesAndSurroundingWhitespace_AreSkippedAndTrimmed()
    {
        var result = Parse.Stdin("# a comment\n\n   \n  action=off  \r\n\t# indented comment\n");

        Assert.That(result.Options.Action, Is.EqualTo(FenceAction.Off));
        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void Value_SplitsAtFirstEqualsAndLosesSurroundingQuotes()
    {
        var result = Parse.Stdin("password=\"a=b=c\"\nusername=\"X\n");

        Assert.That(result.Options.Password, Is.EqualTo("a=b=c"));
        Assert.That(result.Options.Username, Is.EqualTo("\"X"));
    }

    [TestCase("power_timeout=7")]
    [TestCase("power-timeout=7")]
    public void DashAndUnderscore_AreEquivalent(string line)
    {
        Assert.That(Parse.Stdin(line).Options.PowerTimeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void PlugSeparator_AcceptsBothSpellings()
    {
        Assert.That(Parse.Stdin("plug-separator=:\nplug=A:B\n").Options.Plugs, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(Parse.Stdin("plug_separator=:\nplug=A:B\n").Options.Plugs, Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void EveryDeprecatedAlias_MapsToItsReplacement()
    {
        var result = Parse.Stdin("ipaddr=h1\nlogin=U\npasswd=P\npasswd_script=/bin/s\nport=CNODE1\ndebug=/tmp/d\noption=status\n");

        Assert.That(result.Warnings, Is.Empty);
        Assert.That(result.Options.Hosts, Is.EqualTo(new[] { "h1" }));
        Assert.That(result.Options.Username, Is.EqualTo("U"));
        Assert.That(result.Options.Password, Is.EqualTo("P"));
        Assert.That(result.Options.PasswordScript, Is.EqualTo("/bin/s"));
        Assert.That(result.Options.Plugs, Is.EqualTo(new[] { "CNODE1" }));
        Assert.That(result.Options.DebugFile, Is.EqualTo("/tmp/d"));
        Assert.That(result.Options.Action, Is.EqualTo(FenceAction.Status));
    }

    [Test]
    public void LongFormNames_AreAcceptedToo()
    {
        var result = Parse.Stdin("password-script=/bin/s\ndebug-file=/tmp/d\n");

        Assert.That(result.Options.PasswordScript, Is.EqualTo("/bin/s"));
        Assert.That(result.Options.DebugFile, Is.EqualTo("/tmp/d"));
    }

    [Test]
    public void NodenameAndAgent_AreIgnoredSilently()
    {
        var result = Parse.Stdin("nodename=node1\nagent=fence_zvmip\naction=off\n");

        Assert.That(result.Warnings, Is.Empty);
        Assert.That(result.Error, Is.Null);
    }

    [Test]
    public void UnknownName_IsWarnedAboutWithTheWholeLine()
    {
        var result = Parse.Stdin("frobnicate=yes please\naction=off\nnovalue\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.Action, Is.EqualTo(FenceAction.Off));
        Assert.That(result.Warnings, Is.EqualTo(new[]
        {
            "Parse error: Ignoring unknown option 'frobnicate=yes please'",
            "Parse error: Ignoring unknown option 'novalue'",
        }));
    }

    [Test]
    public void UnknownPasswordLikeName_DoesNotEchoTheValue()
    {
        var warning = Parse.Stdin("pasword=hunter2\n").Warnings.Single();

        Assert.That(warning, Does.Not.Contain("hunter2"));
        Assert.That(warning, Does.StartWith("Parse error: Ignoring unknown option 'pasword"));
    }

    [TestCase("1", true)]
    [TestCase("yes", true)]
    [TestCase("ON", true)]
    [TestCase("True", true)]
    [TestCase("0", false)]
    [TestCase("no", false)]
    [TestCase("Off", false)]
    [TestCase("FALSE", false)]
    public void Booleans_TakeTheUsualWords(string word, bool expected)
    {
        var result = Parse.Stdin("missing_as_off=1\ninet4_only=" + word + "\nmissing_as_off=" + word + "\n");

        Assert.That(result.Warnings, Is.Empty);
        Assert.That(result.Options.Inet4Only, Is.EqualTo(expected));
        Assert.That(result.Options.MissingAsOff, Is.EqualTo(expected));
    }

    [Test]
    public void Boolean_WithOtherValue_IsWarnedAboutAndIgnored()
    {
        var result = Parse.Stdin("inet6_only=maybe\n");

        Assert.That(result.Options.Inet6Only, Is.False);
        Assert.That(result.Warnings, Is.EqualTo(new[] { "Parse error: Ignoring option 'inet6_only' because it does not have value" }));
    }

    [Test]
    public void VerboseOne_MeansLevelOne()
    {
        Assert.That(Parse.Stdin("verbose=1\n").Options.VerboseLevel, Is.EqualTo(1));
        Assert.That(Parse.Stdin("verbose=0\n").Options.VerboseLevel, Is.EqualTo(0));
        Assert.That(Parse.Stdin("verbose=1\nverbose_level=3\n").Options.VerboseLevel, Is.EqualTo(3));
    }

    [Test]
    public void ActionNames_AreCaseInsensitive_AndMetaDataMeansMetadata()
    {
        Assert.That(Parse.Stdin("action=OFF\n").Options.Action, Is.EqualTo(FenceAction.Off));
        Assert.That(Parse.Stdin("action=meta-data\n").Options.Action, Is.EqualTo(FenceAction.Metadata));
        Assert.That(Parse.Stdin("action=List-Status\n").Options.Action, Is.EqualTo(FenceAction.ListStatus));
    }

    [Test]
    public void NoInput_GivesTheDefaults()
    {
        var result = Parse.Stdin("");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options, Is.EqualTo(new AgentOptions { Flavor = AgentFlavor.Zvmip, PlugOrigin = PlugOrigin.Stdin }).Using<AgentOptions>(SameScalars));
    }

    [Test]
    public void NodeName_IsKeptToNameTheNodeInMessages_WithoutAWarning()
    {
        var result = Parse.Stdin("nodename=cnode1\nport=CNODE1\n");

        Assert.That((result.Options.NodeName, result.Options.PlugOrigin, result.Warnings.Count), Is.EqualTo(("cnode1", PlugOrigin.Stdin, 0)));
    }

    [Test]
    public void InputOverOneMebibyte_IsRefused()
    {
        var result = Parse.Stdin("# " + new string('x', StdinOptionReader.MaxInputChars) + "\n");

        Assert.That(result.Error, Is.EqualTo("Failed: Standard input is larger than 1 MiB"));
    }

    [Test]
    public void ZvmFlavor_DoesNotKnowPassword_AndWarns()
    {
        var result = Parse.Stdin("password=x\nzvmsys=ZVM1\n", AgentFlavor.Zvm);

        Assert.That(result.Warnings, Is.EqualTo(new[] { "Parse error: Ignoring unknown option 'password=<hidden>'" }));
        Assert.That(result.Options.Zvmsys, Is.EqualTo("ZVM1"));
        Assert.That(result.Options.Hosts, Is.EqualTo(new[] { "VSMREQIU" }));
    }

    private static bool SameScalars(AgentOptions a, AgentOptions b) =>
        a with { Hosts = [], Plugs = [] } == b with { Hosts = [], Plugs = [] } && a.Hosts.SequenceEqual(b.Hosts) && a.Plugs.SequenceEqual(b.Plugs);
}
