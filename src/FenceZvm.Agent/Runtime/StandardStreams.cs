using System.Text;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// stdin, stdout and stderr as the agent uses them, on their descriptors (<see cref="InputDescriptorStream"/>,
/// <see cref="OutputDescriptorStream"/>): a stream the agent was not started with reads as empty and
/// swallows writes, and a write that fails or finds no reader gives the stream up (<see cref="BestEffortWriter"/>).
/// </summary>
public static class StandardStreams
{
    // Console.Out wrote in pieces of 256 bytes: -o metadata was 48 write calls. Each Write here goes to
    // the descriptor at once, up to this many characters (to a pipe in pieces of PIPE_BUF).
    private const int OutBufferChars = 16 * 1024;

    // Log lines; a longer one goes out in more than one piece.
    private const int ErrorBufferChars = 4 * 1024;

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

    public static TextReader In() => Posix.IsInherited(0)
        ? new StreamReader(new InputDescriptorStream(0), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false)
        : TextReader.Null;

    public static BestEffortWriter Out() => Writer(1, OutBufferChars);

    public static BestEffortWriter Error() => Writer(2, ErrorBufferChars);

    private static BestEffortWriter Writer(int fd, int bufferChars) => new(Posix.IsInherited(fd)
        ? TextWriter.Synchronized(new StreamWriter(new OutputDescriptorStream(fd), new UTF8Encoding(false), bufferChars) { AutoFlush = true })
        : TextWriter.Null);
}
