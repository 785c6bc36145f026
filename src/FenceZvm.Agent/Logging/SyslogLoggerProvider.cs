using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// Sends log lines to the local syslog socket (facility daemon, ident = program name, with pid),
/// as upstream's SyslogLibHandler does. A missing syslog daemon is not an error: nothing is sent.
/// </summary>
public sealed class SyslogLoggerProvider : ILoggerProvider
{
    public const string DefaultSocketPath = "/dev/log";
    private const int FacilityDaemon = 3;

    private readonly string socketPath;
    private readonly string ident;
    private readonly LogLevel minimum;
    private readonly SecretRedactor redactor;
    private readonly object gate = new();
    private Socket? socket;
    private bool connectTried;

    public SyslogLoggerProvider(string socketPath, string ident, LogLevel minimum, SecretRedactor redactor)
    {
        this.ident = ident;
        this.minimum = minimum;
        this.redactor = redactor;
        this.socketPath = socketPath;
    }

    public ILogger CreateLogger(string categoryName) => new LineLogger(minimum, redactor, Send);

    public void Dispose()
    {
        lock (gate)
        {
            socket?.Dispose();
        }
    }

    private static Socket? TryConnect(string path)
    {
        var s = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            s.Connect(new UnixDomainSocketEndPoint(path));
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
                // Syslog going away must never fail a fence action.
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
