using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>Upstream's log format: "2026-11-24 18:36:02,123 ERROR: message".</summary>
public static class LogLine
{
    public static string Format(DateTime localTime, LogLevel level, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{localTime:yyyy-MM-dd HH:mm:ss,fff} {LevelName(level)}: {message}");

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => "CRITICAL",
    };

    /// <summary>One physical line: embedded newlines and NULs would split or truncate records.</summary>
    public static string Flatten(string message) =>
        message.TrimEnd('\n', '\r').Replace('\0', ' ').Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
