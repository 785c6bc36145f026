using FenceZvm.Agent.ProcessIo;
namespace FenceZvm.Agent.Startup;

/// <summary>
/// Settings of the process and the .NET runtime that the agent chooses for itself, each only where the
/// environment does not set it already, but for the one a host's value could break. They go into the C
/// library's environment, where the runtime reads them: Environment.SetEnvironmentVariable would first
/// copy the whole environment into a managed dictionary (about 65,000 instructions at every start, and
/// more methods to compile where nothing is precompiled).
/// </summary>
public static class RuntimeDefaults
{
    public static void Apply()
    {
        // Socket completions run on the socket event thread instead of being queued to the thread pool:
        // one exchange after another needs no pool worker threads, whose start-up was a large part of an
        // agent run on a loaded machine (measured: -o status 10.0 -> 7.1 ms median).
        Posix.SetUnlessSet("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

        // The first Socket starts the runtime's socket event threads, and with inline completions their
        // number is the processor count: 16 threads at every start on a 16-CPU guest, for a process that
        // makes one connection at a time. One is enough, whatever the host sets for its own servers: each
        // engine is an epoll, a pipe and a thread, and a count in the thousands ran out of descriptors
        // before the first connection.
        Posix.Set("DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT", "1");

        // The runtime ignores SIGPIPE, not SIGXFSZ: a debug file or redirected stderr reaching the file
        // size limit would end the run wherever it is.
        Posix.IgnoreFileSizeSignal();
    }
}
