using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

public class ValidationTests
{
    private const string Complete = "ip=zvm\nusername=FENCE\npassword=pw\nplug=CNODE1\n";

    private static string? Validate(string stdin, AgentFlavor flavor = AgentFlavor.Zvmip)
    {
        var result = Parse.Stdin(stdin, flavor);
        Assert.That(result.Error, Is.Null);
        return AgentFrontEnd.Validate(result.Options);
    }

    [Test]
    public void CompleteOptions_Pass()
    {
        Assert.That(Validate(Complete), Is.Null);
        Assert.That(Validate("ip=zvm\nusername=FENCE\npassword_script=/bin/pw\nplug=CNODE1\naction=validate-all\n"), Is.Null);
    }

    [TestCase("fd00::1")]
    [TestCase("[fd00::1]")]
    [TestCase("fe80::1%eth0")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("zvm.example.com,10.0.0.2")]
    public void AddressesWithoutAPort_Pass(string ip)
    {
        Assert.That(Validate($"ip={ip}\nusername=U\npassword=pw\nplug=CNODE1\n"), Is.Null);
    }

    [TestCase("ip=zvm\npassword=pw\nplug=CNODE1\n", "Failed: You have to set login name")]
    [TestCase("username=U\npassword=pw\nplug=CNODE1\n", "Failed: You have to enter fence address")]
    [TestCase("ip=zvm\nusername=U\nplug=CNODE1\n", "Failed: You have to enter password or password script")]
    [TestCase("ip=zvm\nusername=U\npassword=pw\n", "Failed: You have to enter plug number or machine identification")]
    [TestCase("ip=zvm\nusername=U\npassword=pw\nplug=CNODE1234\n", "Failed: Name of image can not be longer than 8 characters")]
    [TestCase("ip=zvm\nusername=U\npassword=pw\nplug=CNODE1,CNODE1234\n", "Failed: Name of image can not be longer than 8 characters")]
    [TestCase("ip=zvm\nusername=U\npassword=pw\nplug=CNODE1,\n", "Failed: The value you have entered for --plug is empty")]
    [TestCase("ip=zvm\nusername=\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --username is empty")]
    [TestCase("ip=zvm,\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip is empty")]
    [TestCase("ip=zvm\nusername=U\npassword=\nplug=CNODE1\n", "Failed: The value you have entered for --password is empty")]
    [TestCase("ip=zvm\nusername=U\npassword_script=\nplug=CNODE1\n", "Failed: The value you have entered for --password-script is empty")]
    [TestCase("ip=zvm\nusername=U\npassword=pw\nplug=CNÖDE\n", "Failed: The value you have entered for --plug contains a space, a control or a non-ASCII character")]
    [TestCase("ip=zvm\nusername=U\u0001\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --username contains a space, a control or a non-ASCII character")]
    [TestCase("ip=z vm\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip contains a space, a control or a non-ASCII character")]
    [TestCase("ip=zvm:44444\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip (zvm:44444) includes a port; give the port with --ipport")]
    [TestCase("ip=[fd00::1]:44444\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip ([fd00::1]:44444) includes a port; give the port with --ipport")]
    [TestCase("ip=zvm1,10.0.0.2:1\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip (10.0.0.2:1) includes a port; give the port with --ipport")]
    [TestCase("ip=[zvm]\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip ([zvm]) is neither a host name nor an IP address")]
    [TestCase("ip=[fd00::1\nusername=U\npassword=pw\nplug=CNODE1\n", "Failed: The value you have entered for --ip ([fd00::1) is neither a host name nor an IP address")]
    public void MissingOrBadInput_FailsWithOneLine(string stdin, string expected)
    {
        var message = Validate(stdin);

        Assert.That(message, Is.EqualTo(expected));
        Assert.That(message, Does.Not.Contain("\n"));
    }

    [Test]
    public void NinthCharacter_IsCheckedAfterSplitting()
    {
        Assert.That(Validate("ip=zvm\nusername=U\npassword=pw\nplug=CNODE1,CNODE2\n"), Is.Null);
        Assert.That(AgentFrontEnd.Validate(Parse.Args("-a", "z", "-l", "U", "-p", "P", "-n", "CNODE1234").Options),
            Is.EqualTo("Failed: Name of image can not be longer than 8 characters"));
    }

    [Test]
    public void NulInUsername_IsRejected()
    {
        Assert.That(Validate("ip=zvm\nusername=A\0B\npassword=pw\nplug=CNODE1\n"),
            Is.EqualTo("Failed: The value you have entered for --username contains a space, a control or a non-ASCII character"));
    }

    [Test]
    public void LongOrBrokenPassword_IsRejectedWithoutQuotingIt()
    {
        var secret = new string('s', 201);
        var message = Validate($"ip=zvm\nusername=U\npassword={secret}\nplug=CNODE1\n");

        Assert.That(message, Is.EqualTo("Failed: The password from --password is longer than 200 characters"));
        Assert.That(Validate("ip=zvm\nusername=U\npassword=" + new string('s', 200) + "\nplug=CNODE1\n"), Is.Null);
        Assert.That(Validate("ip=zvm\nusername=U\npassword=se\0cret\nplug=CNODE1\n"), Does.Not.Contain("se"));
    }

    [TestCase("list")]
    [TestCase("list-status")]
    [TestCase("monitor")]
    [TestCase("metadata")]
    [TestCase("manpage")]
    public void ActionsWithoutTarget_NeedNoPlug(string action)
    {
        Assert.That(Validate($"ip=zvm\nusername=U\npassword=pw\naction={action}\n"), Is.Null);
    }

    [Test]
    public void MetadataAndHelp_NeedNothing()
    {
        Assert.That(Validate("action=metadata\n"), Is.Null);
        Assert.That(AgentFrontEnd.Validate(Parse.Args("-h").Options), Is.Null);
    }

    [Test]
    public void ZvmFlavor_NeedsOnlyAPlug()
    {
        Assert.That(Validate("plug=LINUX1\n", AgentFlavor.Zvm), Is.Null);
        Assert.That(Validate("action=off\n", AgentFlavor.Zvm), Is.EqualTo("Failed: You have to enter plug number or machine identification"));
    }
}
