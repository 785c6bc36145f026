using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

public class CommandLineParserTests
{
    [TestCase("-o", "off")]
    [TestCase("--action=off")]
    [TestCase("--action", "off")]
    [TestCase("-ooff")]
    [TestCase("--act=off")]
    [TestCase("-o", "OFF")]
    public void ActionForms_AllMeanOff(params string[] args)
    {
        var result = Parse.Args(args);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.Action, Is.EqualTo(FenceAction.Off));
    }

    [Test]
    public void StdinIsNotRead_WhenThereAreArguments()
    {
        Assert.That(Parse.Args("-n", "CNODE1").Options.Action, Is.EqualTo(FenceAction.Reboot));
    }

    [Test]
    public void StackedVerbose_CountsIntoTheLevel()
    {
        Assert.That(Parse.Args("-vvv").Options.VerboseLevel, Is.EqualTo(3));
        Assert.That(Parse.Args("-v", "--verbose").Options.VerboseLevel, Is.EqualTo(2));
        Assert.That(Parse.Args("-vv", "--verbose-level=5").Options.VerboseLevel, Is.EqualTo(5));
    }

    [Test]
    public void VerboseLevelZero_WithVerbose_WarnsAndWins()
    {
        var result = Parse.Args("-v", "--verbose-level=0");

        Assert.That(result.Options.VerboseLevel, Is.EqualTo(0));
        Assert.That(result.Warnings, Is.EqualTo(new[] { "Parse error: Ignoring option 'verbose' because it conflicts with verbose_level=0" }));
    }

    [Test]
    public void FullCommandLine_BindsEveryField()
    {
        var result = Parse.Args(
            "-a", "zvm1,zvm2", "-u", "4444", "-l", "FENCE", "-p", "-secret", "-n", "CNODE1", "-4", "-z", "-m", "CYCLE",
            "--power-timeout", "30", "--power-wait=2", "--shell-timeout=1.5", "--login-timeout=3", "--delay=10",
            "--stonith-status-sleep=0.5", "--retry-on=3", "-C", ";", "-D", "/tmp/dbg", "-q", "--ssl-ca=/etc/ca.pem",
            "--smapi-encoding=EBCDIC", "--gnutlscli-path=/usr/bin/gnutls-cli");
        var o = result.Options;

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Warnings, Is.Empty);
        Assert.That(o.Hosts, Is.EqualTo(new[] { "zvm1", "zvm2" }));
        Assert.That(o.Port, Is.EqualTo(4444));
        Assert.That(o.Username, Is.EqualTo("FENCE"));
        Assert.That(o.Password, Is.EqualTo("-secret"));
        Assert.That(o.Plugs, Is.EqualTo(new[] { "CNODE1" }));
        Assert.That(o.Inet4Only, Is.True);
        Assert.That(o.Method, Is.EqualTo(RebootMethod.Cycle));
        Assert.That(o.PowerTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(o.PowerWait, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(o.ShellTimeout, Is.EqualTo(TimeSpan.FromSeconds(1.5)));
        Assert.That(o.LoginTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(o.Delay, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(o.StonithStatusSleep, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
        Assert.That(o.RetryOn, Is.EqualTo(3));
        Assert.That(o.Separator, Is.EqualTo(";"));
        Assert.That(o.DebugFile, Is.EqualTo("/tmp/dbg"));
        Assert.That(o.Quiet, Is.True);
        Assert.That(o.SslCaFile, Is.EqualTo("/etc/ca.pem"));
        Assert.That(o.SmapiEncoding, Is.EqualTo("ebcdic"));
        Assert.That(o.Tls, Is.EqualTo(TlsMode.Secure));
    }

    [Test]
    public void PlugList_IsSplitIntoPlugs()
    {
        Assert.That(Parse.Args("--plug=CNODE1,CNODE2").Options.Plugs, Is.EqualTo(new[] { "CNODE1", "CNODE2" }));
        Assert.That(Parse.Args("--plug-separator=+", "-n", "A+B").Options.Plugs, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(Parse.Args("-n", "A+B", "--plug-separator=+").Options.Plugs, Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void RepeatedOption_LastWins()
    {
        Assert.That(Parse.Args("-o", "off", "-o", "on").Options.Action, Is.EqualTo(FenceAction.On));
    }

    [Test]
    public void LeftoverPositionals_AreWarnedAboutNotFatal()
    {
        var result = Parse.Args("-o", "off", "extra", "more");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.Action, Is.EqualTo(FenceAction.Off));
        Assert.That(result.Warnings, Is.EqualTo(new[] { "Unused arguments on command line: ['extra', 'more']" }));
    }

    [Test]
    public void ResponseFiles_AreNotExpanded()
    {
        Assert.That(Parse.Args("@/etc/passwd").Warnings, Is.EqualTo(new[] { "Unused arguments on command line: ['@/etc/passwd']" }));
    }

    [TestCase(new[] { "--foo" }, "Parse error: option --foo not recognized")]
    [TestCase(new[] { "--foo=bar", "-o", "off" }, "Parse error: option --foo not recognized")]
    [TestCase(new[] { "-x" }, "Parse error: option -x not recognized")]
    [TestCase(new[] { "-o" }, "Parse error: option -o requires argument")]
    [TestCase(new[] { "--ssl=1" }, "Parse error: option --ssl must not have an argument")]
    [TestCase(new[] { "--ssl-" }, "Parse error: option --ssl- not a unique prefix")]
    public void BadCommandLine_FailsWithOneLine(string[] args, string message)
    {
        var result = Parse.Args(args);

        Assert.That(result.Error, Is.EqualTo(message));
    }

    [Test]
    public void ZvmFlavor_HasTimeoutAndZvmsys_ButNoUsername()
    {
        var result = Parse.Args(AgentFlavor.Zvm, "-T", "9", "--zvmsys=ZVMA", "-n", "LINUX1");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.ShellTimeout, Is.EqualTo(TimeSpan.FromSeconds(9)));
        Assert.That(result.Options.Zvmsys, Is.EqualTo("ZVMA"));
        Assert.That(result.Options.Hosts, Is.EqualTo(new[] { "VSMREQIU" }));
        Assert.That(result.Options.Tls, Is.EqualTo(TlsMode.Disabled));
        Assert.That(Parse.Args(AgentFlavor.Zvm, "-l", "X").Error, Is.EqualTo("Parse error: option -l not recognized"));
        Assert.That(Parse.Args(AgentFlavor.Zvmip, "-T", "9").Error, Is.EqualTo("Parse error: option -T not recognized"));
    }

    [Test]
    public void HelpAndVersion_AreFlags()
    {
        Assert.That(Parse.Args("-h").Options.ShowHelp, Is.True);
        Assert.That(Parse.Args("--version").Options.ShowVersion, Is.True);
    }
}
