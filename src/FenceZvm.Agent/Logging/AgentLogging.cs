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
        var providers = new List<(ILoggerProvider, bool TakesFrameTrace)>(3);
        if (!settings.Quiet)
        {
            providers.Add((new StderrLoggerProvider(settings.Stderr, console, redactor), true));
        }

        providers.Add((new SyslogLoggerProvider(settings.SyslogSocket, settings.ProgramName, console, redactor), false));
        if (settings.DebugFile is { } path)
        {
            providers.Add((new DebugFileLoggerProvider(path, redactor), true));
        }

        return new AgentLoggerFactory(providers, frameTrace: settings.VerboseLevel >= FrameTraceVerboseLevel);
    }
}
