using System.Globalization;
using System.Net.Sockets;
using System.Text;
using FenceZvm.Agent.Secrets;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// Sends log lines to the local syslog socket (facility daemon, ident = program name, with pid),
/// as upstream's SyslogLibHandler does. A missing syslog daemon is not an error: nothing is sent.
/// Sends never block: a record the socket does not take at once (a stuck journal, a reader that
/// never reads) is dropped and counted, and the count reported when the run ends.
/// </summary>
public sealed class SyslogLoggerProvider : ILoggerProvider
{
    public const string DefaultSocketPath = "/dev/log";
    private const int FacilityDaemon = 3;

    private readonly string socketPath;
    private readonly string ident;
    private readonly LogLevel minimum;
    private readonly SecretRedactor redactor;
    private readonly FaultReport report;
    private readonly object gate = new();
    private Socket? socket;
    private bool connectTried;

    public SyslogLoggerProvider(string socketPath, string ident, LogLevel minimum, SecretRedactor redactor, FaultReport? report = null)
    {
        this.report = report ?? FaultReport.None;
        this.ident = ident;
        this.minimum = minimum;
        this.redactor = redactor;
        this.socketPath = socketPath;
    }

    /// <summary>Records the socket did not take.</summary>
    public int Dropped { get; private set; }

    public ILogger CreateLogger(string categoryName) => new LineLogger(minimum, redactor, Send);

    public void Dispose()
    {
        lock (gate)
        {
            socket?.Dispose();
            socket = null;
            if (Dropped > 0)
            {
                report.Warn($"{Dropped} syslog message(s) dropped: {socketPath} did not accept them");
                Dropped = 0;
            }
        }
    }

    private static Socket? TryConnect(string path)
    {
        var s = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            s.Connect(new UnixDomainSocketEndPoint(path));
            s.Blocking = false;
            return s;
        }
        catch (SocketException)
        {
            s.Dispose();
            return null;
        }
    }

    private void Send(LogLevel level, string message)
    {
        lock (gate)
        {
            // Connected at the first line, not at start-up: a successful action usually logs
            // nothing at its level, and the socket would only cost start-up time.
            if (!connectTried)
            {
                connectTried = true;
                socket = TryConnect(socketPath);
            }

            if (socket is null)
            {
                return;
            }

            int priority = (FacilityDaemon * 8) + Severity(level);
            string timestamp = DateTime.Now.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
            string record = $"<{priority}>{timestamp} {ident}[{Environment.ProcessId}]: {LogLine.LevelName(level)}: {message}";
            try
            {
                socket.Send(Encoding.UTF8.GetBytes(record));
            }
            catch (SocketException)
            {
                // Queue full (would block), syslog restarted or gone: never wait, never fail the action.
                Dropped++;
            }
        }
    }

    private static int Severity(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };
}
