using System.Net.Sockets;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Simulator;

/// <summary>Connects to the simulator's AF_UNIX socket, the stand-in for AF_IUCV.</summary>
internal sealed class UnixSocketTransport(string path) : ISmapiTransport
{
    public string Endpoint => "unix " + path;

    public async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
