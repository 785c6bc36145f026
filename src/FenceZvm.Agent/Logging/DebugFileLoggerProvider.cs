using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>Appends every debug line to the file given by --debug-file.</summary>
public sealed class DebugFileLoggerProvider : ILoggerProvider
{
    private readonly StreamWriter writer;
    private readonly SecretRedactor redactor;
    private readonly object gate = new();

    /// <exception cref="IOException">The file cannot be opened for appending.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened for appending.</exception>
    public DebugFileLoggerProvider(string path, SecretRedactor redactor)
    {
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        this.redactor = redactor;
    }

    public ILogger CreateLogger(string categoryName) => new LineLogger(LogLevel.Debug, redactor, Write);

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }

    private void Write(LogLevel level, string message)
    {
        lock (gate)
        {
            writer.WriteLine(LogLine.Format(DateTime.Now, level, message));
            writer.Flush();
        }
    }
}
