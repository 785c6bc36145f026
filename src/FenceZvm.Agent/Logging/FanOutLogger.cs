using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>One category's logger: every message goes to each destination's own logger, which applies its level.</summary>
internal sealed class FanOutLogger(ILogger[] loggers) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel)
    {
        foreach (ILogger logger in loggers)
        {
            if (logger.IsEnabled(logLevel))
            {
                return true;
            }
        }

        return false;
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        List<Exception>? failures = null;
        foreach (ILogger logger in loggers)
        {
            try
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }

        // As Microsoft's Logger does: one failing destination does not keep the message from the others.
        if (failures is not null)
        {
            throw new AggregateException("a log destination failed", failures);
        }
    }
}
