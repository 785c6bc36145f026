namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdin, stdout and stderr as the agent uses them: a stream the agent was not started with reads as
/// empty and swallows writes, and a write that fails gives the stream up (<see cref="BestEffortWriter"/>).
/// </summary>
public static class StandardStreams
{
    public static TextReader In() => Posix.IsInherited(0) ? Console.In : TextReader.Null;

    public static BestEffortWriter Out() => new(Posix.IsInherited(1) ? Console.Out : TextWriter.Null);

    public static BestEffortWriter Error() => new(Posix.IsInherited(2) ? Console.Error : TextWriter.Null);
}
