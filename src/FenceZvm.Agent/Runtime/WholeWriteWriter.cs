using System.Text;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdout or stderr without a buffer: each Write goes out as one write(2) of its UTF-8 bytes, so nothing
/// waits for a flush and the 12 KB of -o metadata is a single call. Console.Out wrote in pieces of 256
/// bytes, a StreamWriter sized for the metadata allocated and cleared about 80 KB of buffers at every
/// start, and either set up the console (terminal settings, the locale's character set) first.
/// </summary>
internal sealed class WholeWriteWriter(int fd) : TextWriter
{
    /// <summary>UTF-8 without a byte order mark.</summary>
    public override Encoding Encoding => Encoding.Default;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Posix.WriteAll(fd, Encoding.Default.GetBytes(value));
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (count > 0)
        {
            Posix.WriteAll(fd, Encoding.Default.GetBytes(buffer, index, count));
        }
    }

    /// <summary>The line and its end in one write, where TextWriter's own would make two.</summary>
    public override void WriteLine(string? value) => Write(value + NewLine);
}
