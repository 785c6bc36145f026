using FenceZvm.Agent.ProcessIo;
using FenceZvm.Agent.Secrets;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// Appends every debug line to the file given by --debug-file. The first line that cannot be written
/// (a full file system, /dev/full, a pipe nobody reads) is reported once and the file is given up: a
/// debug log never stops a fence.
/// </summary>
public sealed class DebugFileLoggerProvider : ILoggerProvider
{
    private readonly TextWriter writer;
    private readonly string path;
    private readonly SecretRedactor redactor;
    private readonly FaultReport report;
    private readonly object gate = new();
    private bool broken;

    /// <exception cref="IOException">The file cannot be opened for appending.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened for appending.</exception>
    public DebugFileLoggerProvider(string path, SecretRedactor redactor, FaultReport? report = null)
    {
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        // A pipe, socket or terminal (-D /dev/stderr) is written as stderr is, never waiting long for a reader.
        writer = file.CanSeek ? new StreamWriter(file) : new WholeWriteWriter((int)file.SafeFileHandle.DangerousGetHandle(), file);
        this.path = path;
        this.redactor = redactor;
        this.report = report ?? FaultReport.None;
    }

    public ILogger CreateLogger(string categoryName) => new LineLogger(LogLevel.Debug, redactor, Write);

    public void Dispose()
    {
        lock (gate)
        {
            try
            {
                writer.Dispose();
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                // Already reported when the write failed; the flush on closing fails the same way.
            }
        }
    }

    // A write past the file size limit (EFBIG, ulimit -f) comes as an ArgumentOutOfRangeException.
    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or ObjectDisposedException or ArgumentException;

    private void Write(LogLevel level, string message)
    {
        lock (gate)
        {
            if (broken)
            {
                return;
            }

            try
            {
                writer.WriteLine(LogLine.Format(DateTime.Now, level, message));
                writer.Flush();
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                broken = true;
                report.Warn($"Unable to write debug file {EchoGuard.Show(path)} : {EchoGuard.Show(e.Message)}; no further debug lines are written to it");
            }
        }
    }
}
