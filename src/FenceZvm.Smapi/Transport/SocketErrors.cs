using System.Net.Sockets;

namespace FenceZvm.Smapi.Transport;

internal static class SocketErrors
{
    public static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by the server",
        SocketError.HostNotFound or SocketError.NoData => "host name not found",
        SocketError.TryAgain => "host name lookup failed temporarily",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.TimedOut => "connection timed out",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        SocketError.AccessDenied => "permission denied",
        _ => error.ToString(),
    };
}
