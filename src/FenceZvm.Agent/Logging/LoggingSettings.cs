namespace FenceZvm.Agent.Logging;

public sealed record LoggingSettings(string ProgramName, TextWriter Stderr)
{
    public int VerboseLevel { get; init; }

    public bool Quiet { get; init; }

    public string? DebugFile { get; init; }

    public string SyslogSocket { get; init; } = SyslogLoggerProvider.DefaultSocketPath;
}
