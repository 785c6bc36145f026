using System.Text;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdout or stderr as the agent uses them: a stream that is closed (>&amp;-), full (/dev/full) or
/// gone (EPIPE) is given up at the first failure instead of failing the run. The exit code, not the
/// output, is what tells the caller whether the fence happened.
/// </summary>
public sealed class BestEffortWriter(TextWriter inner) : TextWriter
{
    private bool broken;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>True once a write failed; nothing is written after that.</summary>
    public bool Broken => broken;

    public override void Write(char value) => Try(w => w.Write(value));

    public override void Write(string? value) => Try(w => w.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(w => w.Write(buffer, index, count));

    public override void WriteLine(string? value) => Try(w => w.WriteLine(value));

    public override void WriteLine() => Try(w => w.WriteLine());

    public override void Flush() => Try(w => w.Flush());

    private void Try(Action<TextWriter> write)
    {
        if (broken)
        {
            return;
        }

        try
        {
            write(inner);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            broken = true;
        }
    }
}
