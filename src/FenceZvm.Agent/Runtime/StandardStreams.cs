using System.Text;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdin, stdout and stderr as the agent uses them: a stream the agent was not started with reads as
/// empty and swallows writes, and a write that fails gives the stream up (<see cref="BestEffortWriter"/>).
/// </summary>
public static class StandardStreams
{
    // Console.Out writes in pieces of 256 bytes: -o metadata was 48 write calls. Each Write here is one
    // call up to this many characters, and is flushed at once as Console.Out's writes are.
    private const int OutBufferChars = 16 * 1024;

    public static TextReader In() => Posix.IsInherited(0) ? Console.In : TextReader.Null;

    public static BestEffortWriter Out() => new(Posix.IsInherited(1)
        ? TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), OutBufferChars) { AutoFlush = true })
        : TextWriter.Null);

    public static BestEffortWriter Error() => new(Posix.IsInherited(2) ? Console.Error : TextWriter.Null);
}
