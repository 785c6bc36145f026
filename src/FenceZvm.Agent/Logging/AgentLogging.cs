using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// Builds the agent's logging as upstream arranges it: stderr (unless --quiet) and syslog get
/// warnings and errors, and debug lines with --verbose; --debug-file gets debug lines always.
/// The SMAPI frame trace (category FrameTrace) appears from verbose level 3, never in syslog.
/// Every target is best effort: one that fails is reported on stderr (unless --quiet) and ignored.
/// </summary>
public static class AgentLogging
{
    public const string FrameTraceCategory = "FrameTrace";
    public const int FrameTraceVerboseLevel = 3;

    public static ILoggerFactory Create(LoggingSettings settings, SecretRedactor redactor)
    {
        // The factory is built directly, not through LoggerFactory.Create: that builds a dependency
        // injection container and options monitors, about 1-2 ms of start-up for the same filters.
        LogLevel trace = settings.VerboseLevel >= FrameTraceVerboseLevel ? LogLevel.Debug : LogLevel.None;
        var filters = new LoggerFilterOptions { MinLevel = LogLevel.Debug };
        filters.Rules.Add(new LoggerFilterRule(null, FrameTraceCategory, trace, null));
        filters.Rules.Add(new LoggerFilterRule(typeof(SyslogLoggerProvider).FullName, FrameTraceCategory, LogLevel.None, null));

        // Providers are added, not passed to the constructor: only added ones are disposed with the
        // factory, which is when the syslog provider reports what it dropped.
        var factory = new LoggerFactory([], filters);
        LogLevel console = settings.VerboseLevel > 0 ? LogLevel.Debug : LogLevel.Warning;
        var report = FaultReport.None;
        if (!settings.Quiet)
        {
            factory.AddProvider(new StderrLoggerProvider(settings.Stderr, console, redactor));
            report = new FaultReport(settings.Stderr);
        }

        factory.AddProvider(new SyslogLoggerProvider(settings.SyslogSocket, settings.ProgramName, console, redactor, report));
        if (settings.DebugFile is { } path)
        {
            factory.AddProvider(new DebugFileLoggerProvider(path, redactor, report));
        }

        return factory;
    }
}
