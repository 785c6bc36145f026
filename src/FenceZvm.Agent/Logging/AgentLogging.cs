using FenceZvm.Agent.Secrets;
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
        LogLevel console = settings.VerboseLevel > 0 ? LogLevel.Debug : LogLevel.Warning;
        var providers = new List<(ILoggerProvider, bool TakesFrameTrace)>(3);
        var report = FaultReport.None;
        if (!settings.Quiet)
        {
            providers.Add((new StderrLoggerProvider(settings.Stderr, console, redactor), true));
            report = new FaultReport(settings.Stderr);
        }

        providers.Add((new SyslogLoggerProvider(settings.SyslogSocket, settings.ProgramName, console, redactor, report), false));
        if (settings.DebugFile is { } path)
        {
            providers.Add((new DebugFileLoggerProvider(path, redactor, report), true));
        }

        // Every provider is disposed with the factory, which is when the syslog provider reports what it dropped.
        return new AgentLoggerFactory(providers, frameTrace: settings.VerboseLevel >= FrameTraceVerboseLevel);
    }
}
