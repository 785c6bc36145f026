using System.Net.Sockets;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Simulator;

/// <summary>Connects to the simulator's AF_UNIX socket, the stand-in for AF_IUCV.</summary>
internal sealed class UnixSocketTransport(string path) : ISmapiTransport
{
    public string Endpoint => "unix " + path;

    public Stream Connect(TimeSpan bound, CancellationToken cancellationToken)
    {
        int milliseconds = (int)Math.Ceiling(bound.TotalMilliseconds);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { SendTimeout = milliseconds, ReceiveTimeout = milliseconds };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
