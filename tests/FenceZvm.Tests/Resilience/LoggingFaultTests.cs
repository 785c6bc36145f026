using FenceZvm.Agent.Logging;
using FenceZvm.Agent.Secrets;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// Logging is best effort (issue 19 rows 1 and 2): a debug file that cannot be written, a syslog
/// nobody reads, a closed or full stderr never stop or falsify a fence, and SIGTERM ends a run
/// wherever it is.
/// </summary>
public sealed class LoggingFaultTests
{
    private const string Unwritable = "Unable to write debug file";

    [Test]
    public async Task DebugFileOnAFullDevice_StillFences_AndIsReportedOnce()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "-v", "-D", "/dev/full");

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(r.StderrLines.Count(l => l.Contains(Unwritable, StringComparison.Ordinal)), Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("Unhandled exception"));
    }

    /// <summary>A debug file that is a pipe nobody reads (-D /dev/stderr of such a caller) is given up as a full one.</summary>
    [Test]
    public async Task DebugFileOnAPipeNobodyReads_StillFences_AndIsReportedOnce()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        ProcessResult r = await Shell.RunAgentAfterAsync(sim, Shell.StalledPipeOnFd3, string.Empty, "-o", "off", "-n", "CNODE1", "-D", "/dev/fd/3");

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(r.StderrLines.Count(l => l.Contains(Unwritable, StringComparison.Ordinal)), Is.EqualTo(1), r.ToString());
    }

    [Test]
    public void DebugFileThatFailsToWrite_IsReportedOnceThenIgnored()
    {
        var stderr = new StringWriter();
        using (var provider = new DebugFileLoggerProvider("/dev/full", new SecretRedactor(), new FaultReport(stderr)))
        {
            ILogger logger = provider.CreateLogger("test");
            logger.LogDebug("first");
            logger.LogError("second");
        }

        Assert.That(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.All.Contain(Unwritable));
    }

    [Test]
    public void NoLogTargetCanRaiseOutOfTheLogger()
    {
        using var factory = new LoggerFactory();
        factory.AddProvider(new StderrLoggerProvider(new ThrowingWriter(), LogLevel.Debug, new SecretRedactor()));

        Assert.DoesNotThrow(() => factory.CreateLogger("test").LogError("the disk is gone"));
    }

    /// <summary>Closing the logs comes after the result: a target that fails to close must not turn it into a failure.</summary>
    [Test]
    public void NoLogTargetCanRaiseWhenLoggingEnds()
    {
        var factory = new AgentLoggerFactory([(new FailingToCloseProvider(), false)], frameTrace: false);

        Assert.DoesNotThrow(factory.Dispose);
    }

    [Test]
    public async Task SyslogThatNeverReads_DoesNotBlockTheFence_AndDropsAreCounted()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        using var syslog = new StuckSyslog();
        Assert.That(syslog.QueuedRecords, Is.GreaterThan(0));
        string stdin = $"ip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\nport=CNODE1\naction=off\nname=zvmfence\n";

        ProcessResult r = await ProcessRunner.RunAsync(
            AgentProcess.Path, [], stdin, new Dictionary<string, string> { ["FENCE_ZVM_SYSLOG_SOCKET"] = syslog.Path }, timeout: TimeSpan.FromSeconds(20));

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(r.Stderr, Does.Contain("Ignoring unknown option 'name=zvmfence'"));
        Assert.That(r.Stderr, Does.Contain("1 syslog message(s) dropped"), r.ToString());
    }

    [Test]
    public void SyslogSendsNeverBlock()
    {
        var syslog = new StuckSyslog();
        var provider = new SyslogLoggerProvider(syslog.Path, "fence_zvmip", LogLevel.Warning, new SecretRedactor());
        ILogger logger = provider.CreateLogger("test");
        Task logging = Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                logger.LogWarning("line {Number}", i);
            }
        });

        bool returned = logging.Wait(TimeSpan.FromSeconds(20));

        // The socket first: closing it releases a send that blocked, which holds the provider.
        syslog.Dispose();
        Assert.That(returned, Is.True, "a syslog send blocked");
        Assert.That(provider.Dropped, Is.EqualTo(50));
        provider.Dispose();
    }

    [TestCase("2>/dev/full")]
    [TestCase("2>&-")]
    [TestCase(">&- 2>&-")]
    public async Task UnwritableStderr_StillFences(string redirection)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        ProcessResult r = await Shell.RunAgentAsync(sim, redirection, "-o", "off", "-n", "CNODE1", "-vvv");

        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task Sigterm_WhereCancellationCannotReach_EndsTheRunWithAFailure()
    {
        // With no arguments the agent reads stdin to its end; this stdin never ends.
        await using var agent = ProcessRunner.Start(AgentProcess.Path, [], writableInput: true);
        await agent.Input.WriteAsync("action=off\n");
        await agent.Input.FlushAsync();
        await Task.Delay(300);

        Assert.That(Signals.Terminate(agent.Pid), Is.True, "the agent ended before the signal");
        if (!await agent.WaitForExitAsync(TimeSpan.FromSeconds(20)))
        {
            Assert.Fail("SIGTERM was ignored");
        }

        Assert.That(agent.ExitCode, Is.EqualTo(1), agent.Output);
    }

    private sealed class FailingToCloseProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => throw new NotSupportedException();

        public void Dispose() => throw new ArgumentOutOfRangeException("value", "Specified file length was too large for the file system.");
    }

    private sealed class ThrowingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");
    }
}
