using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

public class ValueRulesTests
{
    [TestCase("abc")]
    [TestCase("--5")]
    [TestCase("1.")]
    [TestCase("")]
    [TestCase("1e3")]
    [TestCase("1__0")]
    [TestCase("_1")]
    public void BadSeconds_FailWithUpstreamMessage(string value)
    {
        Assert.That(Parse.Stdin("power_timeout=" + value).Error,
            Is.EqualTo("Failed: The value you have entered for --power-timeout is not a valid time in seconds"));
    }

    [TestCase("x")]
    [TestCase("1.5")]
    [TestCase("1_")]
    public void BadIntegers_FailWithUpstreamMessage(string value)
    {
        Assert.That(Parse.Args("--retry-on=" + value).Error,
            Is.EqualTo("Failed: The value you have entered for --retry-on is not a valid integer"));
    }

    /// <summary>The installation guide's example passes the user name with -u, which upstream (and we) take as the port.</summary>
    [TestCase("-u", "CMANAGER")]
    [TestCase("--ipport=CMANAGER")]
    public void UserNameGivenAsPort_FailsInOneLineThatNamesTheUserNameOption(params string[] args)
    {
        Assert.That(Parse.Args(args).Error, Is.EqualTo(
            "Failed: The value you have entered for --ipport is not a valid integer (-u is the SMAPI server's port; the user name is -l/--username)"));
    }

    [Test]
    public void PortOutOfRange_Fails()
    {
        Assert.That(Parse.Args("-u", "70000").Error, Is.EqualTo("Failed: The value you have entered for --ipport is not a valid port number"));
    }

    [Test]
    public void BadChoice_FailsWithUpstreamMessage()
    {
        Assert.That(Parse.Args("-m", "bounce").Error,
            Is.EqualTo("Failed: You have to enter a valid choice for --method from the valid values: ['onoff', 'cycle']"));
        Assert.That(Parse.Stdin("smapi_encoding=utf8").Error,
            Is.EqualTo("Failed: You have to enter a valid choice for --smapi-encoding from the valid values: ['ascii', 'ebcdic']"));
    }

    [Test]
    public void UnknownAction_FailsWithLowerCasedName()
    {
        Assert.That(Parse.Args("-o", "Explode").Error, Is.EqualTo("Failed: Unrecognised action 'explode'"));
    }

    [Test]
    public void MetadataAndHelp_IgnoreBadValues()
    {
        Assert.That(Parse.Args("-o", "metadata", "--power-timeout=x").Error, Is.Null);
        Assert.That(Parse.Args("-h", "-o", "explode").Error, Is.Null);
    }

    [Test]
    public void BadVerboseLevel_IsAWarningAndZero()
    {
        var result = Parse.Stdin("verbose_level=high\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.VerboseLevel, Is.EqualTo(0));
        Assert.That(result.Warnings, Is.EqualTo(new[]
        {
            "Parse error: Option 'verbose_level' must be an integer greater than or equal to 0. Setting verbose_level to 0.",
        }));
    }

    [TestCase("", TlsMode.Secure)]
    [TestCase("ssl=1\n", TlsMode.Secure)]
    [TestCase("ssl_secure=1\n", TlsMode.Secure)]
    [TestCase("ssl_insecure=1\n", TlsMode.Insecure)]
    [TestCase("ssl=1\nssl_insecure=1\n", TlsMode.Insecure)]
    [TestCase("ssl=0\n", TlsMode.Disabled)]
    [TestCase("ssl=0\nssl_insecure=1\n", TlsMode.Disabled)]
    [TestCase("disable_ssl=1\n", TlsMode.Disabled)]
    [TestCase("disable_ssl=1\nssl_insecure=1\nssl_secure=1\n", TlsMode.Disabled)]
    [TestCase("disable_ssl=0\n", TlsMode.Secure)]
    public void TlsPrecedence_DisableThenInsecureThenSecure(string stdin, TlsMode expected)
    {
        Assert.That(Parse.Stdin(stdin).Options.Tls, Is.EqualTo(expected));
    }

    [Test]
    public void TlsPrecedence_OnTheCommandLine()
    {
        Assert.That(Parse.Args("--ssl-insecure").Options.Tls, Is.EqualTo(TlsMode.Insecure));
        Assert.That(Parse.Args("--ssl-insecure", "--disable-ssl").Options.Tls, Is.EqualTo(TlsMode.Disabled));
        Assert.That(Parse.Args("-z").Options.Tls, Is.EqualTo(TlsMode.Secure));
    }

    [TestCase("", null, false)]
    [TestCase("disable_timeout=true\n", null, true)]
    [TestCase("disable_timeout=TRUE\n", null, true)]
    [TestCase("disable_timeout=1\n", null, true)]
    [TestCase("disable_timeout=false\n", null, false)]
    [TestCase("", "pacemaker-fenced", true)]
    [TestCase("", "pacemaker-controld", false)]
    [TestCase("disable_timeout=false\n", "pacemaker-fenced", false)]
    public void DisableTimeout_FromOptionOrPacemakerEnvironment(string stdin, string? service, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["PCMK_service"] = service };

        var result = Parse.Stdin(stdin, AgentFlavor.Zvmip, environment);

        Assert.That(result.Options.DisableTimeout, Is.EqualTo(expected));
        Assert.That(result.Options.PowerTimeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void TableDefaults_AgreeWithAgentOptionsDefaults()
    {
        var fromTable = Parse.Stdin("").Options;
        var plain = new AgentOptions();

        Assert.That(fromTable.Port, Is.EqualTo(plain.Port));
        Assert.That(fromTable.Method, Is.EqualTo(plain.Method));
        Assert.That(fromTable.MissingAsOff, Is.EqualTo(plain.MissingAsOff));
        Assert.That(fromTable.PowerTimeout, Is.EqualTo(plain.PowerTimeout));
        Assert.That(fromTable.ShellTimeout, Is.EqualTo(plain.ShellTimeout));
        Assert.That(fromTable.LoginTimeout, Is.EqualTo(plain.LoginTimeout));
        Assert.That(fromTable.StonithStatusSleep, Is.EqualTo(plain.StonithStatusSleep));
        Assert.That(fromTable.RetryOn, Is.EqualTo(plain.RetryOn));
        Assert.That(fromTable.Separator, Is.EqualTo(plain.Separator));
        Assert.That(fromTable.PlugSeparator, Is.EqualTo(plain.PlugSeparator));
        Assert.That(fromTable.SmapiEncoding, Is.EqualTo(plain.SmapiEncoding));
        Assert.That(fromTable.Tls, Is.EqualTo(plain.Tls));
        Assert.That(fromTable.Action, Is.EqualTo(plain.Action));
    }
}
