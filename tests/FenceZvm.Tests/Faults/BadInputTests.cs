using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FenceZvm.Agent.Options;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Faults;

/// <summary>
/// Bad values for every option of the table (so a new option is covered without editing this file),
/// on the command line and on stdin (where NUL bytes can go; argv cannot carry them on Linux),
/// plus a 10 MB stdin. The agent points at a listener that counts connections: a rejected value
/// means exit 1, a clear one-line reason (then upstream's usage line where upstream prints it),
/// no stack trace, and no connection. Values an option legitimately accepts are listed in
/// <see cref="Accepted"/>: for those the agent may go on, but still must not crash.
/// </summary>
[TestFixture]
[Category("bad-input")]
[Parallelizable(ParallelScope.Children)]
public sealed class BadInputTests
{
    private static readonly (string Name, string Value)[] Values =
    [
        ("empty", string.Empty),
        ("too-long", new string('A', 5000)),
        ("non-ascii", "ÄÖ€✓"),
        ("negative", "-1"),
        ("huge", "99999999999999999999"),
    ];

    /// <summary>Option (metadata name) and value kind that are valid, so the agent may act on them.</summary>
    private static readonly Dictionary<string, string[]> Accepted = new()
    {
        ["username"] = ["negative"],
        ["plug"] = ["negative"],
        ["password"] = ["negative", "huge"],
        ["separator"] = ["*"],
        ["plug_separator"] = ["too-long", "non-ascii", "negative", "huge", "nul"],
        ["gnutlscli_path"] = ["*"],
        ["disable_timeout"] = ["*"],
        ["ssl_ca"] = ["too-long", "non-ascii", "negative", "huge"], // not read with --disable-ssl
        ["debug_file"] = ["non-ascii", "negative", "huge"], // a file of that name is created
        ["verbose_level"] = ["*"], // upstream: a warning, then verbose_level 0

        // Numbers upstream's int() takes: a warning, then a usable value (UpstreamValueTests).
        ["delay"] = ["negative", "huge"],
        ["login_timeout"] = ["negative", "huge"],
        ["power_timeout"] = ["negative", "huge"],
        ["power_wait"] = ["negative", "huge"],
        ["shell_timeout"] = ["negative", "huge"],
        ["stonith_status_sleep"] = ["negative", "huge"],
        ["retry_on"] = ["negative", "huge"],
    };

    public static IEnumerable<TestCaseData> CommandLineCases() =>
        from spec in OptionTable.For(AgentFlavor.Zvmip)
        where spec.TakesValue
        from value in Values
        select new TestCaseData(spec.Name, value.Name, value.Value).SetArgDisplayNames(spec.LongSwitch, value.Name);

    public static IEnumerable<TestCaseData> StdinCases() =>
        from spec in OptionTable.For(AgentFlavor.Zvmip)
        where spec.TakesValue
        from value in Values.Append((Name: "nul", Value: "AB\0CD"))
        select new TestCaseData(spec.Name, value.Name, value.Value).SetArgDisplayNames(spec.Name, value.Name);

    [TestCaseSource(nameof(CommandLineCases))]
    public async Task OnTheCommandLine(string option, string kind, string value)
    {
        OptionSpec spec = OptionTable.For(AgentFlavor.Zvmip).First(s => s.Name == option);
        using var listener = new CountingListener();
        var arguments = new List<string> { "--disable-ssl", "-a", "127.0.0.1", "-u", listener.Port, "-l", SimulatorHost.User, "-p", SimulatorHost.Password, "-o", "status", "-n", "CNODE1", "--shell-timeout", "1" };
        Override(arguments, spec);
        arguments.Add($"{spec.LongSwitch}={value}");
        Outcome o = await RunAsync(arguments, stdin: null);
        Check(option, kind, o, listener);
    }

    [TestCaseSource(nameof(StdinCases))]
    public async Task OnStdin(string option, string kind, string value)
    {
        using var listener = new CountingListener();
        var lines = new Dictionary<string, string>
        {
            ["action"] = "status",
            ["ip"] = "127.0.0.1",
            ["ipport"] = listener.Port,
            ["disable_ssl"] = "1",
            ["username"] = SimulatorHost.User,
            ["password"] = SimulatorHost.Password,
            ["plug"] = "CNODE1",
            ["shell_timeout"] = "1",
        };
        lines[option] = value;
        string stdin = string.Concat(lines.Select(l => $"{l.Key}={l.Value}\n"));
        Outcome o = await RunAsync([], stdin);
        Check(option, kind, o, listener);
    }

    [Test]
    public async Task TenMegabytesOfStdinIsRefusedWithoutContact()
    {
        using var listener = new CountingListener();
        var stdin = new StringBuilder($"action=status\nip=127.0.0.1\nipport={listener.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\nplug=CNODE1\n");
        string filler = "# " + new string('x', 1021) + "\n";
        while (stdin.Length < 10 * 1024 * 1024)
        {
            stdin.Append(filler);
        }

        Outcome o = await RunAsync([], stdin.ToString());
        Assert.That(o.ExitCode, Is.EqualTo(1), o.ToString());
        Assert.That(o.Stderr, Does.Contain("Failed: Standard input is larger than 1 MiB"), o.ToString());
        Assert.That(listener.Connections, Is.Zero, "nothing contacted");
    }

    /// <summary>Found by this fixture: with TLS on, an empty --ssl-ca (or a 300-character --ip) was an unhandled exception.</summary>
    [TestCase("--ssl-ca", "", "Failed: The value you have entered for --ssl-ca is empty")]
    [TestCase("--debug-file", "", "Failed: The value you have entered for --debug-file is empty")]
    [TestCase("--ip", "300", "Failed: The value you have entered for --ip is longer than 253 characters")]
    public async Task RegressionsFailWithTheValidationMessage(string argument, string value, string message)
    {
        using var listener = new CountingListener();
        string[] arguments = ["-a", "127.0.0.1", "-u", listener.Port, "-l", SimulatorHost.User, "-p", SimulatorHost.Password, "-o", "status", "-n", "CNODE1"];
        if (argument == "--ip")
        {
            arguments[1] = new string('a', 300);
            (argument, value) = ("-o", "status");
        }

        Outcome o = await RunAsync([.. arguments, argument, value], stdin: null);
        Assert.That(o.ExitCode, Is.EqualTo(1), o.ToString());
        Assert.That(o.StderrLines.Select(l => l[(l.IndexOf(" ERROR: ", StringComparison.Ordinal) + 8)..]), Is.EqualTo(new[] { message, "Please use '-h' for usage" }), o.ToString());
        Assert.That(listener.Connections, Is.Zero);
    }

    private static void Check(string option, string kind, Outcome o, CountingListener listener)
    {
        bool accepted = Accepted.TryGetValue(option, out string[]? kinds) && (kinds.Contains("*") || kinds.Contains(kind));
        string[] errors = o.StderrLines.Where(l => l.Contains(" ERROR: ", StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(o.Killed, Is.False, "hung: " + o);
            Assert.That(o.Stderr, Does.Not.Contain("Unhandled exception").And.Not.Contain("\n   at "), "stack trace: " + o);
            Assert.That(o.ExitCode, Is.EqualTo(1), o.ToString());
            Assert.That(errors, Is.Not.Empty, "a failure says why: " + o);
            if (!accepted)
            {
                Assert.That(listener.Connections, Is.Zero, $"a bad {option} must be refused before anything is contacted: {o}");
                Assert.That(errors.Length, Is.LessThanOrEqualTo(2), "one line, then at most the usage line: " + o);
                Assert.That(errors[0], Does.Not.Contain("Unable to connect to"), "a validation message, not a connection failure: " + o);
                if (errors.Length == 2)
                {
                    Assert.That(errors[1], Does.EndWith("Please use '-h' for usage"), o.ToString());
                }
            }
        });
    }

    /// <summary>An option that the base arguments already set is replaced, not repeated.</summary>
    private static void Override(List<string> arguments, OptionSpec spec)
    {
        string[] forms = spec.ShortForm is { } s ? [spec.LongSwitch, "-" + s] : [spec.LongSwitch];
        int at = arguments.FindIndex(a => forms.Contains(a));
        if (at >= 0)
        {
            arguments.RemoveRange(at, 2);
        }
    }

    private static async Task<Outcome> RunAsync(IEnumerable<string> arguments, string? stdin)
    {
        string directory = Directory.CreateTempSubdirectory("fence-zvm-badinput-").FullName;
        try
        {
            return new Outcome(await ProcessRunner.RunAsync(AgentProcess.Path, arguments, stdin, timeout: TimeSpan.FromSeconds(30), workingDirectory: directory, reportTimeout: true));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A run, shown with its output cut short (a bad value may be megabytes long).</summary>
    private sealed record Outcome(ProcessResult Run)
    {
        public int ExitCode => Run.ExitCode;

        public string Stderr => Run.Stderr;

        public string[] StderrLines => Run.StderrLines;

        public bool Killed => Run.TimedOut;

        public override string ToString()
        {
            string Cut(string s) => s.Length > 600 ? s[..600] + "..." : s;
            return $"exit {ExitCode}{(Killed ? " (killed)" : string.Empty)}\nstdout:\n{Cut(Run.Stdout)}\nstderr:\n{Cut(Stderr)}";
        }
    }

    /// <summary>A loopback listener that accepts, counts and closes every connection.</summary>
    private sealed class CountingListener : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly Task accepting;
        private int connections;

        public CountingListener()
        {
            listener.Start();
            accepting = AcceptAsync();
        }

        public string Port => ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        public int Connections => Volatile.Read(ref connections);

        public void Dispose()
        {
            listener.Stop();
            _ = accepting.Exception;
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using Socket socket = await listener.AcceptSocketAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
