using System.Runtime.InteropServices;
using FenceZvm.Agent.Runtime;

using var interrupted = new CancellationTokenSource();
using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);

RuntimeDefaults.Apply();

string invokedAs = ProgramIdentity.InvokedAs();
// A closed or full stdout or stderr is ignored: the exit code carries the result.
BestEffortWriter stdout = StandardStreams.Out();
// Options come from stdin only when there are no arguments; otherwise it is left unopened.
TextReader stdin = args.Length == 0 ? StandardStreams.In() : TextReader.Null;
var invocation = new AgentInvocation(invokedAs, args, stdin, stdout, StandardStreams.Error(), new ProcessEnvironment());
int exitCode = await AgentMain.RunAsync(invocation, interrupted.Token);
stdout.Flush();
return exitCode;

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted.Cancel();
    InterruptDeadline.Arm();
}

