using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// Builds the agent's logging as upstream arranges it: stderr (unless --quiet) and syslog get
/// warnings and errors, and debug lines with --verbose; --debug-file gets debug lines always.
/// The SMAPI frame trace (category FrameTrace) appears from verbose level 3, never in syslog.
/// </summary>
public static class AgentLogging
{
    public const string FrameTraceCategory = "FrameTrace";
    public const int FrameTraceVerboseLevel = 3;

    public static ILoggerFactory Create(LoggingSettings settings, SecretRedactor redactor)
    {
        LogLevel console = settings.VerboseLevel > 0 ? LogLevel.Debug : LogLevel.Warning;
        var providers = new List<ILoggerProvider>(3);
        if (!settings.Quiet)
        {
            providers.Add(new StderrLoggerProvider(settings.Stderr, console, redactor));
        }

        providers.Add(new SyslogLoggerProvider(settings.SyslogSocket, settings.ProgramName, console, redactor));
        if (settings.DebugFile is { } path)
        {
            providers.Add(new DebugFileLoggerProvider(path, redactor));
        }

        // The factory is built directly, not through LoggerFactory.Create: that builds a dependency
        // injection container and options monitors, about 1-2 ms of start-up for the same filters.
        LogLevel trace = settings.VerboseLevel >= FrameTraceVerboseLevel ? LogLevel.Debug : LogLevel.None;
        var filters = new LoggerFilterOptions { MinLevel = LogLevel.Debug };
        filters.Rules.Add(new LoggerFilterRule(null, FrameTraceCategory, trace, null));
        filters.Rules.Add(new LoggerFilterRule(typeof(SyslogLoggerProvider).FullName, FrameTraceCategory, LogLevel.None, null));
        return new LoggerFactory(providers, filters);
    }
}
