using System.Runtime.InteropServices;
using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Logging;
using FenceZvm.Agent.ProcessIo;
using FenceZvm.Agent.Startup;
using Microsoft.Extensions.Logging;

StandardStreams.ReserveClosed();

// A closed or full stdout or stderr is ignored: the exit code carries the result.
BestEffortWriter stdout = StandardStreams.Out();
BestEffortWriter stderr = StandardStreams.Error();
int exitCode;
try
{
    using var interrupted = new CancellationTokenSource();
    using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, interrupted));
    using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, interrupted));

    RuntimeDefaults.Apply();

    string invokedAs = ProgramIdentity.InvokedAs();
    // Options come from stdin only when there are no arguments; otherwise it is left unopened.
    TextReader stdin = args.Length == 0 ? StandardStreams.In() : TextReader.Null;
    var invocation = new AgentInvocation(invokedAs, args, stdin, stdout, stderr, new ProcessEnvironment());
    exitCode = AgentMain.Run(invocation, interrupted.Token);
}
catch (Exception e)
{
    // What no handler of the run expects, a host out of descriptors or memory above all (the runtime's
    // signal pipe, threads or sockets then fail to start): one line and a failure, not a crash with a stack trace.
    stderr.WriteLine(LogLine.Format(DateTime.Now, LogLevel.Error, LogLine.Flatten($"Failed: {e.GetBaseException().Message}")));
    exitCode = ExitCodes.Failure;
}

stdout.Flush();
return exitCode;

static void Cancel(PosixSignalContext context, CancellationTokenSource interrupted)
{
    context.Cancel = true;
    interrupted.Cancel();
    InterruptDeadline.Arm();
}
