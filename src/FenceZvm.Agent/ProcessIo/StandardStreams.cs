using System.Text;

namespace FenceZvm.Agent.ProcessIo;

/// <summary>
/// stdin, stdout and stderr as the agent uses them, on their descriptors (<see cref="InputDescriptorStream"/>,
/// <see cref="WholeWriteWriter"/>): a stream the agent was not started with reads as empty and swallows
/// writes, and a write that fails or finds no reader gives the stream up (<see cref="BestEffortWriter"/>).
/// </summary>
public static class StandardStreams
{
    // The /dev/null descriptors of ReserveClosed: a handle that is collected closes its descriptor.
    private static readonly List<Microsoft.Win32.SafeHandles.SafeFileHandle> Reserved = [];

    /// <summary>
    /// Puts /dev/null (close-on-exec, so still "not inherited") on each of 0-2 the agent was started
    /// without, before anything else opens a descriptor: the numbers of closed streams were taken by the
    /// runtime's signal pipe, and -D /dev/stdout then wrote into that pipe, whose reader took each byte
    /// for a signal number. Called first thing, before the signal handlers are registered.
    /// </summary>
    public static void ReserveClosed()
    {
        for (int fd = 0; fd <= 2; fd++)
        {
            try
            {
                if (!Posix.IsOpen(fd))
                {
                    // open(2) takes the lowest free number: this one, as the lower ones are open by now.
                    Reserved.Add(File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No /dev/null (a bare chroot): the agent runs as it did before.
                return;
            }
        }
    }

    /// <summary>
    /// UTF-8, as pacemaker writes its values, whatever the locale says; Console.In would first look up
    /// the locale's character set and set up the console, about a hundred methods where all are JIT-compiled.
    /// </summary>
    public static TextReader In() => Posix.IsInherited(0)
        ? new StreamReader(new InputDescriptorStream(0), Encoding.Default, detectEncodingFromByteOrderMarks: false)
        : TextReader.Null;

    public static BestEffortWriter Out() => new(Posix.IsInherited(1) ? new WholeWriteWriter(1) : TextWriter.Null);

    public static BestEffortWriter Error() => new(Posix.IsInherited(2) ? new WholeWriteWriter(2) : TextWriter.Null);
}
