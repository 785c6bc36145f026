using System.Collections;
using System.Runtime.InteropServices;
using FenceZvm.Agent.Runtime;

using var interrupted = new CancellationTokenSource();
using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = (string?)entry.Value;
}

string invokedAs = ProgramIdentity.InvokedAs();
var invocation = new AgentInvocation(invokedAs, args, Console.In, Console.Out, Console.Error, environment);
int exitCode = await AgentMain.RunAsync(invocation, interrupted.Token);
Console.Out.Flush();
return exitCode;

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted.Cancel();
}
