using FenceZvm.Tests.Agent;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Secrets;

/// <summary>
/// Issue 19 row 9: stdin whose lines are not separated by LF reaches the parser as one long value
/// that holds every later line, the password included. No error or warning repeats it.
/// </summary>
public sealed class OddLineEndingTests
{
    private const string Password = "Zq7#hunter2x";

    private const string Connection = "ip=127.0.0.1\nusername=FENCEUSR\nport=CNODE1\naction=status\n";

    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData($"action=off\rport=CNODE1\rpassword={Password}\r").SetName("CR only, a known option first");
        yield return new TestCaseData($"frobnicate=1\rpassword={Password}\r").SetName("CR only, an unknown option first");
        yield return new TestCaseData($"action=off\r{Password}\r").SetName("CR only, no key names the password");
        yield return new TestCaseData($"action=off\0password={Password}\0").SetName("NUL-separated");
        yield return new TestCaseData($"action=off\u2028password={Password}").SetName("Unicode line separator");
        yield return new TestCaseData($"action=off\u0085password={Password}").SetName("NEL");
        yield return new TestCaseData($"{Connection}debug_file=/nonexistent/dbg\rpassword={Password}\n").SetName("a debug file joined to the password");
        yield return new TestCaseData($"{Connection}password_script=/nonexistent/pw\rpassword={Password}\n").SetName("a password script joined to the password");
    }

    [TestCaseSource(nameof(Inputs))]
    public void ParserMessages_NeverHoldThePassword(string stdin)
    {
        var result = Parse.Stdin(stdin);
        string messages = string.Join("\n", result.Warnings.Append(result.Error ?? string.Empty).Append(FenceZvm.Agent.Options.AgentFrontEnd.Validate(result.Options) ?? string.Empty));

        Assert.That(messages, Does.Not.Contain(Password).IgnoreCase);
    }

    [TestCaseSource(nameof(Inputs))]
    public async Task AgentOutput_NeverHoldsThePassword(string stdin)
    {
        using var syslog = new SyslogCapture();

        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin, new Dictionary<string, string> { ["FENCE_ZVM_SYSLOG_SOCKET"] = syslog.Path });
        await Task.Delay(100);

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR"), "a failure must have been reported for this test to mean anything");
        Assert.That(string.Join("\n", r.Stdout, r.Stderr, string.Join("\n", syslog.Records)), Does.Not.Contain(Password).IgnoreCase);
    }

    [Test]
    public void CrOnlyInput_IsNamedAsTheLikelyCause()
    {
        Assert.That(Parse.Stdin("action=off\rport=CNODE1\r").Warnings, Does.Contain("Parse error: Standard input has no line feeds; lines separated by CR or NUL are read as one line"));
    }

    [Test]
    public void AnUnrecognisedActionWithoutControlCharacters_IsStillShown()
    {
        Assert.That(Parse.Stdin("action=explode\n").Error, Is.EqualTo("Failed: Unrecognised action 'explode'"));
    }
}
