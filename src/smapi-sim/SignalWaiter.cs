using System.Runtime.InteropServices;

namespace FenceZvm.SimulatorHost;

/// <summary>Blocks until SIGTERM or SIGINT, which are then handled (no default termination).</summary>
internal sealed class SignalWaiter : IDisposable
{
    private readonly ManualResetEventSlim signalled = new();
    private readonly PosixSignalRegistration[] registrations;

    public SignalWaiter()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
        ];
    }

    public void Wait() => signalled.Wait();

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in registrations)
        {
            registration.Dispose();
        }

        signalled.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        signalled.Set();
    }
}
