using FenceZvm.Agent.Secrets;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>A logger that hands each formatted, redacted, single-line message to a sink.</summary>
internal sealed class LineLogger(LogLevel minimum, SecretRedactor redactor, Action<LogLevel, string> sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        try
        {
            sink(logLevel, LogLine.Flatten(redactor.Redact(formatter(state, exception))));
        }
#pragma warning disable CA1031 // Logging is best effort: nothing a log target does may stop or fail a fence.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
