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
        return LoggerFactory.Create(builder =>
        {
            builder.ClearProviders();
            builder.SetMinimumLevel(LogLevel.Debug);
            if (!settings.Quiet)
            {
                builder.AddProvider(new StderrLoggerProvider(settings.Stderr, console, redactor));
            }

            builder.AddProvider(new SyslogLoggerProvider(settings.SyslogSocket, settings.ProgramName, console, redactor));
            if (settings.DebugFile is { } path)
            {
                builder.AddProvider(new DebugFileLoggerProvider(path, redactor));
            }

            LogLevel trace = settings.VerboseLevel >= FrameTraceVerboseLevel ? LogLevel.Debug : LogLevel.None;
            builder.AddFilter(FrameTraceCategory, trace);
            builder.AddFilter<SyslogLoggerProvider>(FrameTraceCategory, LogLevel.None);
        });
    }
}
