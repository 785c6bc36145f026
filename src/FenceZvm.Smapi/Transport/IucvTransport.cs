using FenceZvm.Smapi.Transport.Iucv;

namespace FenceZvm.Smapi.Transport;

/// <summary>
/// SMAPI over AF_IUCV (fence_zvm): <c>socket(AF_IUCV, SOCK_STREAM, 0)</c> and a connect to the
/// server's user id and application DMSRSRQU, no bind (spec 1.2, decision 6). The caller is
/// identified by its own guest id. With a stand-in path (FENCE_ZVM_IUCV_SOCKET, a testing aid) the
/// same code connects to a Unix-domain socket instead, so everything but the address family is
/// exercised where there is no z/VM. The connect waits on a thread of its own so that cancellation and
/// the bound end it at once; the stream then bounds each call by polling in short slices.
/// </summary>
public sealed class IucvTransport : ISmapiTransport
{
    /// <summary>The environment variable naming the testing stand-in socket.</summary>
    public const string StandInVariable = "FENCE_ZVM_IUCV_SOCKET";

    /// <summary>
    /// A Unix-domain connect never waits for the server to accept, only for room in its listen
    /// backlog; a full backlog is how the stand-in shows IUCV's connection limit, which AF_IUCV
    /// refuses at once with EAGAIN. So the stand-in waits for room only briefly, and answers the same.
    /// </summary>
    private static readonly TimeSpan StandInBacklogWait = TimeSpan.FromMilliseconds(1);

    /// <param name="server">The SMAPI IUCV server's user id (VSMREQIU by default), 1 to 8 characters.</param>
    /// <param name="standInSocket">A Unix-domain socket path to connect to instead, for tests.</param>
    public IucvTransport(string server, string? standInSocket = null)
    {
        Server = server.ToUpperInvariant();
        StandInSocket = string.IsNullOrEmpty(standInSocket) ? null : standInSocket;
        Endpoint = StandInSocket is null ? $"IUCV {Server}" : $"IUCV {Server} (stand-in {StandInSocket})";
    }

    public string Server { get; }

    public string? StandInSocket { get; }

    public string Endpoint { get; }

    /// <summary>The kernel may wait for the server to accept (SO_SNDTIMEO) for up to <paramref name="bound"/>.</summary>
    public Stream Connect(TimeSpan bound, CancellationToken cancellationToken)
    {
        // Checked before any system call: the old C agent copied a long name past the field.
        if (SockaddrIucv.Check(Server) is { } problem)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to connect to {Endpoint}: {problem}");
        }

        DescriptorHandle handle = StandInSocket is { } path
            ? NativeConnector.Connect(SockaddrUnix.AfUnix, StandInAddress(path), bound, StandInBacklogWait, Endpoint, e => IucvErrors.DescribeStandIn(e, path), cancellationToken)
            : NativeConnector.Connect(SockaddrIucv.AfIucv, SockaddrIucv.Build(Server), bound, bound, Endpoint, e => IucvErrors.Describe(e, Server), cancellationToken);
        return new DescriptorStream(handle);
    }

    private byte[] StandInAddress(string path)
    {
        try
        {
            return SockaddrUnix.Build(path);
        }
        catch (ArgumentException e)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to connect to {Endpoint}: {e.Message}", inner: e);
        }
    }
}
