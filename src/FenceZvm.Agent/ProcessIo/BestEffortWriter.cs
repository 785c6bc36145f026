using System.Text;

namespace FenceZvm.Agent.ProcessIo;

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

    // Each member calls the inner writer directly rather than through one shared delegate: on the
    // JIT path (s390x) every lambda is one more method compiled at every start.
    public override void Write(char value)
    {
        try
        {
            if (!broken)
            {
                inner.Write(value);
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            broken = true;
        }
    }

    public override void Write(string? value)
    {
        try
        {
            if (!broken)
            {
                inner.Write(value);
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            broken = true;
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        try
        {
            if (!broken)
            {
                inner.Write(buffer, index, count);
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            broken = true;
        }
    }

    public override void WriteLine(string? value)
    {
        try
        {
            if (!broken)
            {
                inner.WriteLine(value);
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            broken = true;
        }
    }

    public override void WriteLine()
    {
        try
        {
            if (!broken)
            {
                inner.WriteLine();
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            broken = true;
        }
    }

    public override void Flush()
    {
        try
        {
            if (!broken)
            {
                inner.Flush();
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            broken = true;
        }
    }

    private static bool IsGone(Exception e) => e is IOException or UnauthorizedAccessException or ObjectDisposedException;
}
