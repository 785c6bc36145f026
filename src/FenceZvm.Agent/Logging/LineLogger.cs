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

        string message = LogLine.Flatten(redactor.Redact(formatter(state, exception)));
        sink(logLevel, message);
    }
}
