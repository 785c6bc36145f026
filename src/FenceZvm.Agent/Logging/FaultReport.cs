using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// Where a log target that stops working says so: stderr in the log format, or nowhere with --quiet.
/// A stderr that cannot be written is ignored too.
/// </summary>
public sealed class FaultReport(TextWriter? stderr)
{
    public static FaultReport None { get; } = new(null);

    public void Warn(string message)
    {
        try
        {
            stderr?.WriteLine(LogLine.Format(DateTime.Now, LogLevel.Warning, LogLine.Flatten(message)));
            stderr?.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
        }
    }
}
