using System.Runtime.InteropServices;
using FenceZvm.Agent.Runtime;

using var interrupted = new CancellationTokenSource();
using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);

// Socket completions run on the socket event thread instead of being queued to the thread pool:
// one exchange after another needs no pool worker threads, whose start-up is a large part of an
// agent run on a loaded machine (measured: -o status 10.0 -> 7.1 ms median). Read by the runtime
// at the first socket operation; a value from the environment is left as it is.
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
{
    Environment.SetEnvironmentVariable(InlineCompletions, "1");
}

// The first Socket made starts the runtime's socket event threads, and with inline completions their
// number is the processor count: 16 threads at every start on a 16-CPU guest, for a process that makes
// one connection at a time. One is enough.
const string EventThreads = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";
if (Environment.GetEnvironmentVariable(EventThreads) is null)
{
    Environment.SetEnvironmentVariable(EventThreads, "1");
}

string invokedAs = ProgramIdentity.InvokedAs();
// A closed or full stdout or stderr is ignored: the exit code carries the result.
BestEffortWriter stdout = StandardStreams.Out();
var invocation = new AgentInvocation(invokedAs, args, StandardStreams.In(), stdout, StandardStreams.Error(), new ProcessEnvironment());
int exitCode = await AgentMain.RunAsync(invocation, interrupted.Token);
stdout.Flush();
return exitCode;

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted.Cancel();
    InterruptDeadline.Arm();
}

