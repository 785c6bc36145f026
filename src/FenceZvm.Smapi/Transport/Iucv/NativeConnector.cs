using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>
/// Creates a stream socket and connects it, honouring cancellation and the bound.
/// <para>
/// The connect is blocking, on a thread of its own, bounded by SO_SNDTIMEO: this is how AF_IUCV
/// waits for the server to accept (as IBM's client does). A non-blocking AF_IUCV connect does not
/// return EINPROGRESS: the kernel fails it at once with EAGAIN and severs the path. The caller waits
/// for that thread at most for the bound: when the token is cancelled first it gets
/// <see cref="OperationCanceledException"/> at once, when the bound runs out first a
/// <see cref="TimeoutException"/>; the abandoned thread ends within SO_SNDTIMEO and closes its socket.
/// </para>
/// </summary>
internal static class NativeConnector
{
    /// <param name="bound">How long the connect may take in all.</param>
    /// <param name="acceptWait">How long the kernel may wait for the server (SO_SNDTIMEO); at most <paramref name="bound"/>.</param>
    public static DescriptorHandle Connect(int family, byte[] address, TimeSpan bound, TimeSpan acceptWait, string endpoint, Func<int, string> reason, CancellationToken cancellationToken)
    {
        Func<int, string> describe = errno => $"Unable to connect to {endpoint}: {reason(errno)}";
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource<DescriptorHandle>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(family, address, bound, acceptWait, endpoint, describe, completion, cancellationToken))
        {
            IsBackground = true,
            Name = "smapi-connect",
        };
        using var bounded = new CancellationTokenSource(bound);
        using (cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken)))
        using (bounded.Token.Register(() => completion.TrySetException(new TimeoutException(TimedOut(bound, endpoint)))))
        {
            thread.Start();
            return completion.Task.GetAwaiter().GetResult();
        }
    }

    private static string TimedOut(TimeSpan bound, string endpoint) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {bound.TotalSeconds:0.###} s connecting to {endpoint}");

    private static void Run(int family, byte[] address, TimeSpan bound, TimeSpan acceptWait, string endpoint, Func<int, string> describe, TaskCompletionSource<DescriptorHandle> completion, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                DescriptorHandle handle = Create(family, describe);
                int errno = Connect(handle, address, acceptWait < bound ? acceptWait : bound);
                if (errno == 0)
                {
                    if (!completion.TrySetResult(handle))
                    {
                        handle.Dispose();
                    }

                    return;
                }

                handle.Dispose();
                bool timeLeft = watch.Elapsed < bound;
                if (errno == Errno.EINTR && timeLeft && !cancellationToken.IsCancellationRequested)
                {
                    continue;
                }

                // EAGAIN is either the kernel's wait running out, or (earlier) the server's connection limit.
                completion.TrySetException(errno != Errno.EAGAIN
                    ? new SmapiTransportException(TransportFailure.ConnectFailed, describe(errno))
                    : timeLeft
                        ? new SmapiTransportException(TransportFailure.Busy, describe(errno))
                        : new SmapiTransportException(TransportFailure.Timeout, TimedOut(bound, endpoint)));
                return;
            }
        }
        catch (Exception e)
        {
            completion.TrySetException(e);
        }
    }

    private static DescriptorHandle Create(int family, Func<int, string> describe)
    {
        int fd = Libc.Socket(family, Libc.SockStream | Libc.SockCloexec, 0);
        if (fd < 0)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, describe(Marshal.GetLastPInvokeError()));
        }

        return new DescriptorHandle(fd);
    }

    /// <returns>0, or the errno of the failed setsockopt or connect.</returns>
    private static unsafe int Connect(DescriptorHandle handle, byte[] address, TimeSpan bound)
    {
        long micros = Math.Max(1000, (long)bound.TotalMicroseconds);
        var timeout = new Libc.TimeVal { Seconds = (nint)(micros / 1_000_000), Microseconds = (nint)(micros % 1_000_000) };
        if (Libc.SetSockOpt(handle.Fd, Libc.SolSocket, Libc.SoSndtimeo, &timeout, (uint)sizeof(Libc.TimeVal)) != 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        fixed (byte* p = address)
        {
            return Libc.Connect(handle.Fd, p, (uint)address.Length) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }
}
