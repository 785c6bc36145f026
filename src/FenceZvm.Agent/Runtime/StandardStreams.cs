using System.Text;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdin, stdout and stderr as the agent uses them: a stream the agent was not started with reads as
/// empty and swallows writes, and a write that fails gives the stream up (<see cref="BestEffortWriter"/>).
/// </summary>
public static class StandardStreams
{
    /// <summary>
    /// UTF-8, as pacemaker writes its values, whatever the locale says; Console.In would first look up
    /// the locale's character set and set up the console, about a hundred methods where all are JIT-compiled.
    /// </summary>
    public static TextReader In() => Posix.IsInherited(0)
        ? new StreamReader(Console.OpenStandardInput(), Encoding.Default, detectEncodingFromByteOrderMarks: false)
        : TextReader.Null;

    public static BestEffortWriter Out() => new(Posix.IsInherited(1) ? new WholeWriteWriter(1) : TextWriter.Null);

    public static BestEffortWriter Error() => new(Posix.IsInherited(2) ? new WholeWriteWriter(2) : TextWriter.Null);
}
