using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Startup;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FenceZvm.Tests.Agent;

/// <summary>
/// Every value upstream's fencing library accepts is accepted with the same meaning (issue 19 row 4).
/// Upstream checks each integer and seconds option with Python's int() and nothing else; what it then
/// does with the number, row by row of the option table:
/// <list type="bullet">
/// <item>delay: sleeps 1 + delay - (time since start) when positive, so a negative delay is none: 0.</item>
/// <item>power_timeout: polls without a deadline when &lt;= 0: 0 (no deadline).</item>
/// <item>shell_timeout: socket timeout float(value) or None; a negative one raises (a traceback) unless pacemaker
///   zeroes it: 0 (our bounded fallback).</item>
/// <item>power_wait, stonith_status_sleep: time.sleep(int(value)), which raises on a negative one: 0.</item>
/// <item>login_timeout: not used by fence_zvmip: 0.</item>
/// <item>retry_on: range(1 + retry_on) attempts for on, range(retry_on) for the power-on of reboot: kept, with a warning below 1.</item>
/// <item>ipport: handed to getaddrinfo, which fails for anything outside 1-65535: refused at once (deliberate).</item>
/// <item>verbose_level: a negative one or a non-number is 0 with a warning (same words).</item>
/// <item>any number past what a timer takes (about 49.7 days) or an int holds: the largest, with a warning.</item>
/// </list>
/// A seconds value may also have a decimal fraction (upstream refuses "1.5": deliberate).
/// </summary>
public sealed class UpstreamValueTests
{
    private static readonly string[] SecondsOptions = ["delay", "login_timeout", "power_timeout", "power_wait", "shell_timeout", "stonith_status_sleep"];

    [TestCase(" 5", 5)]
    [TestCase("+5", 5)]
    [TestCase("007", 7)]
    [TestCase("1_000", 1000)]
    [TestCase("\u0663", 3)]
    [TestCase("-0", 0)]
    public void NumbersAreReadAsPythonIntReadsThem(string text, int expected)
    {
        AgentParseResult result = Parse.Stdin($"power_timeout={text}\nretry_on={text}\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.PowerTimeout, Is.EqualTo(TimeSpan.FromSeconds(expected)));
        Assert.That(result.Options.RetryOn, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(SecondsOptions))]
    public void NegativeSeconds_AreZeroWithAWarning(string option)
    {
        AgentParseResult result = Parse.Stdin($"{option}=-1\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Warnings, Is.EqualTo(new[] { $"Parse error: Option '{option}' is negative (-1); using 0" }));
        AgentOptions o = result.Options;
        TimeSpan value = option switch
        {
            "delay" => o.Delay,
            "login_timeout" => o.LoginTimeout,
            "power_timeout" => o.PowerTimeout,
            "power_wait" => o.PowerWait,
            "shell_timeout" => o.ShellTimeout,
            _ => o.StonithStatusSleep,
        };
        Assert.That(value, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void NegativePowerTimeout_MeansNoDeadline_AsUpstream()
    {
        AgentOptions options = Parse.Stdin("power_timeout=-1\n").Options;

        Assert.That(new StatusPoller(options, NullLogger.Instance).HasDeadline, Is.False);
    }

    [Test]
    public void NegativeShellTimeout_MeansTheBoundedFallback()
    {
        Assert.That(IoBounds.ExchangeTimeout(Parse.Stdin("shell_timeout=-1\n").Options), Is.EqualTo(IoBounds.UnboundedFallback));
    }

    [Test]
    public void TimeoutOfTheIucvFlavour_FollowsTheSameRule()
    {
        AgentParseResult result = Parse.Args(AgentFlavor.Zvm, "-T", "-2");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.ShellTimeout, Is.EqualTo(TimeSpan.Zero));
        Assert.That(result.Warnings, Is.EqualTo(new[] { "Parse error: Option 'timeout' is negative (-2); using 0" }));
    }

    [Test]
    public void HugeNumbers_AreTheLargestUsableWithAWarning()
    {
        AgentParseResult result = Parse.Stdin("delay=99999999999\nretry_on=99999999999\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.Delay, Is.EqualTo(TimeSpan.FromSeconds(4_294_967)));
        Assert.That(result.Options.RetryOn, Is.EqualTo(int.MaxValue));
        Assert.That(result.Warnings, Is.EqualTo(new[]
        {
            "Parse error: Option 'delay' is out of range; using 4294967",
            "Parse error: Option 'retry_on' is out of range; using 2147483647",
        }));
    }

    [Test]
    public void HugeDelay_CanBeWaitedFor()
    {
        // A timer takes at most 2^32 - 2 ms; the largest delay must not throw when armed.
        Assert.DoesNotThrow(() => _ = Task.Delay(Parse.Stdin("delay=99999999999\n").Options.Delay, new CancellationToken(canceled: true)));
    }

    [TestCase("-1", -1, "Parse error: Option 'retry_on' is negative: 'on' makes no attempt and fails, 'reboot' leaves the guest off")]
    [TestCase("0", 0, "Parse error: Option 'retry_on' is 0: 'reboot' leaves the guest off")]
    public void RetryOnBelowOne_KeepsUpstreamsCount_WithAWarning(string text, int expected, string warning)
    {
        AgentParseResult result = Parse.Stdin($"retry_on={text}\n");

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Options.RetryOn, Is.EqualTo(expected));
        Assert.That(result.Warnings, Is.EqualTo(new[] { warning }));
    }

    [TestCase("-3")]
    [TestCase("high")]
    public void VerboseLevelBelowZeroOrNotANumber_IsZeroWithUpstreamsWarning(string text)
    {
        AgentParseResult result = Parse.Stdin($"verbose_level={text}\n");

        Assert.That(result.Options.VerboseLevel, Is.EqualTo(0));
        Assert.That(result.Warnings, Is.EqualTo(new[] { "Parse error: Option 'verbose_level' must be an integer greater than or equal to 0. Setting verbose_level to 0." }));
    }

    [TestCase("-1")]
    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("99999999999")]
    public void PortsOutsideTheRange_AreRefusedAtOnce(string text)
    {
        Assert.That(Parse.Stdin($"ipport={text}\n").Error, Is.EqualTo("Failed: The value you have entered for --ipport is not a valid port number"));
    }

    /// <summary>
    /// The same values through upstream's own check (validate-all, all integer and seconds options at
    /// once): where upstream accepts, so do we; where it refuses, so do we, but for a fraction.
    /// </summary>
    [TestCase("-1")]
    [TestCase(" 5")]
    [TestCase("+5")]
    [TestCase("1_000")]
    [TestCase("\u0663")]
    [TestCase("-0")]
    [TestCase("99999999999")]
    [TestCase("abc")]
    [TestCase("")]
    [TestCase("1__0")]
    [TestCase("5x")]
    public async Task AcceptedWhereUpstreamAcceptsIt(string value)
    {
        UpstreamAgent.RequireInstalled();
        string numbers = string.Concat(SecondsOptions.Append("retry_on").Select(o => $"{o}={value}\n"));
        string stdin = $"ip=127.0.0.1\nusername=U\npassword=pw12345\nport=CNODE1\naction=validate-all\n{numbers}";

        ProcessResult upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, [], stdin);
        ProcessResult ours = await AgentProcess.RunWithStdinAsync(stdin);

        Assert.That(ours.ExitCode == 0, Is.EqualTo(upstream.ExitCode == 0), $"upstream: {upstream}\nours: {ours}");
    }

    [Test]
    public void Fractions_AreAcceptedWhereUpstreamRefusesThem()
    {
        Assert.That(Parse.Stdin("power_timeout=1.5\n").Options.PowerTimeout, Is.EqualTo(TimeSpan.FromSeconds(1.5)));
    }

    /// <summary>Issue 19 row 4: under pacemaker, negative timeouts and delay fence as upstream does.</summary>
    [Test]
    public async Task NegativeTimeoutsUnderPacemaker_Fence()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        string stdin = $"ip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\n"
            + "port=CNODE1\naction=off\npower_timeout=-1\ndelay=-1\nshell_timeout=-1\n";

        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin, new Dictionary<string, string> { ["PCMK_service"] = "pacemaker-fenced" });

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }
}
