using System.Net;
using System.Net.Sockets;

namespace FenceZvm.Smapi.Transport;

/// <summary>
/// Plain TCP to a SMAPI server. Resolves the host, keeps only the allowed address family,
/// and tries each address in turn (the socket is created in the address's own family).
/// </summary>
public sealed class TcpTransport(string host, int port, AddressFamilyPreference family = AddressFamilyPreference.Any) : ISmapiTransport
{
    public string Host { get; } = host;

    public int Port { get; } = port;

    public string Endpoint { get; } = FormatEndpoint(host, port);

    public async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken) =>
        new NetworkStream(await ConnectSocketAsync(cancellationToken).ConfigureAwait(false), ownsSocket: true);

    /// <summary>Connects and returns the socket (TLS wraps its stream).</summary>
    public async ValueTask<Socket> ConnectSocketAsync(CancellationToken cancellationToken)
    {
        IPAddress[] addresses = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        SocketException? last = null;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, Port), cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new SmapiTransportException(
            TransportFailure.ConnectFailed,
            $"Unable to connect to {Endpoint}: {SocketErrors.Describe(last!.SocketErrorCode)}",
            inner: last);
    }

    private async ValueTask<IPAddress[]> ResolveAsync(CancellationToken cancellationToken)
    {
        string literal = Host.StartsWith('[') && Host.EndsWith(']') ? Host[1..^1] : Host;
        IPAddress[] addresses;
        // IPAddress.TryParse (and so Dns) also takes "[v6]:port" and drops the port: the port is never read from the host.
        if (literal.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to resolve {Host}: not a host name or an IP address");
        }

        if (IPAddress.TryParse(literal, out IPAddress? parsed))
        {
            addresses = [parsed];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(literal, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to resolve {Host}: {SocketErrors.Describe(e.SocketErrorCode)}", inner: e);
            }
        }

        IPAddress[] allowed = family switch
        {
            AddressFamilyPreference.IPv4Only => addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToArray(),
            AddressFamilyPreference.IPv6Only => addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).ToArray(),
            _ => addresses,
        };
        if (allowed.Length == 0)
        {
            string which = family == AddressFamilyPreference.IPv4Only ? "IPv4" : "IPv6";
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to connect to {Endpoint}: it has no {which} address");
        }

        return allowed;
    }

    private static string FormatEndpoint(string host, int port) =>
        host.Contains(':') && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
}
