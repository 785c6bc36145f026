using System.Globalization;
using System.Text;
using FenceZvm.Smapi.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Secrets;

/// <summary>
/// Every action, at the highest verbosity with a debug file and syslog captured, with the password
/// given on the command line, on stdin and by a password script: the password appears nowhere, as
/// text or as hex (the frame trace prints hex), in ASCII or EBCDIC.
/// </summary>
public sealed class PasswordNeverShownTests
{
    private const string Password = "Zq7#Secret-Pw";
    private static readonly string[] Actions = ["status", "off", "on", "reboot", "list", "list-status", "monitor", "validate-all"];

    public static IEnumerable<TestCaseData> Cases() =>
        from action in Actions
        from source in new[] { "argv", "stdin", "script" }
        from good in new[] { true, false }
        select new TestCaseData(action, source, good).SetName($"PasswordNeverShown: {action} via {source}, {(good ? "accepted" : "rejected")} password");

    [TestCaseSource(nameof(Cases))]
    public async Task PasswordNeverShown(string action, string source, bool accepted)
    {
        string password = accepted ? Password : Password + "-Wrong";
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"], users: [$"{SimulatorHost.User}:{Password}"]);
        using var syslog = new SyslogCapture();
        string work = Directory.CreateTempSubdirectory("fence-zvm-secrets-").FullName;
        try
        {
            string debugFile = Path.Combine(work, "debug.log");
            string script = Path.Combine(work, "pw.sh");
            await File.WriteAllTextAsync(script, $"#!/bin/sh\necho '{password}'\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var environment = new Dictionary<string, string> { ["FENCE_ZVM_SYSLOG_SOCKET"] = syslog.Path };
            string port = sim.Port.ToString(CultureInfo.InvariantCulture);

            ProcessResult r = source == "stdin"
                ? await ProcessRunner.RunAsync(AgentProcess.Path, [], $"ip=127.0.0.1\nipport={port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={password}\naction={action}\nport=CNODE1\nverbose_level=5\ndebug_file={debugFile}\n", environment)
                : await ProcessRunner.RunAsync(AgentProcess.Path, [
                    "--disable-ssl", "-a", "127.0.0.1", "-u", port, "-l", SimulatorHost.User,
                    .. source == "argv" ? new[] { "-p", password } : ["-S", script],
                    "-o", action, "-n", "CNODE1", "-vvvvv", "-D", debugFile], null, environment);

            Assert.That(r.Stderr, Does.Contain("DEBUG"), "the highest verbosity must be on for this test to mean anything");
            await Task.Delay(100);
            string everything = string.Join("\n", r.Stdout, r.Stderr, File.Exists(debugFile) ? await File.ReadAllTextAsync(debugFile) : string.Empty, string.Join("\n", syslog.Records));
            foreach (string form in Forms(password))
            {
                Assert.That(everything, Does.Not.Contain(form).IgnoreCase, $"the password leaked as '{form}'");
            }

            if (action != "validate-all" && accepted)
            {
                Assert.That(everything, Does.Contain("password_length"), "the frame trace must have been written");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The password as text, and as the hex of its ASCII and EBCDIC bytes.</summary>
    private static IEnumerable<string> Forms(string password)
    {
        yield return password;
        yield return Convert.ToHexString(Encoding.ASCII.GetBytes(password));
        var ebcdic = new byte[password.Length];
        TextCodecs.Ebcdic.Encode(password, ebcdic, "password");
        yield return Convert.ToHexString(ebcdic);
    }
}
