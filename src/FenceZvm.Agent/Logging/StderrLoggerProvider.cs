using FenceZvm.Agent.Secrets;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>Synchronous stderr logging in upstream's format (no background queue: the agent is short-lived).</summary>
public sealed class StderrLoggerProvider(TextWriter stderr, LogLevel minimum, SecretRedactor redactor) : ILoggerProvider
{
    private readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(minimum, redactor, Write);

    public void Dispose()
    {
        try
        {
            stderr.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // stderr that cannot be written is ignored (the lines themselves are guarded by LineLogger).
        }
    }

    private void Write(LogLevel level, string message)
    {
        lock (gate)
        {
            stderr.WriteLine(LogLine.Format(DateTime.Now, level, message));
            stderr.Flush();
        }
    }
}
