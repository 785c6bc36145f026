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
        IPAddress[] addresses = Allowed(TryParseLiteral(out IPAddress? literal) ? [literal] : await ResolveAsync(cancellationToken).ConfigureAwait(false));
        SocketException? last = null;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                Connect(socket, new IPEndPoint(address, Port), cancellationToken);
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

    /// <summary>
    /// A non-blocking connect waited for in poll slices, so the deadline and cancellation end it; the
    /// socket is blocking afterwards, for the client's blocking exchange. No async socket operation:
    /// their machinery (an event thread, completion queues) costs a one-shot process more to start
    /// than the whole exchange, above all where every method is JIT-compiled (s390x).
    /// </summary>
    private static void Connect(Socket socket, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        const int SliceMicroseconds = 50_000;
        socket.Blocking = false;
        try
        {
            socket.Connect(endpoint);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            while (!socket.Poll(SliceMicroseconds, SelectMode.SelectWrite) && !socket.Poll(0, SelectMode.SelectError))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // A second connect reports how the first ended: the pending error, or "already connected".
                socket.Connect(endpoint);
            }
            catch (SocketException again) when (again.SocketErrorCode == SocketError.IsConnected)
            {
            }
        }

        socket.Blocking = true;
    }

    private async ValueTask<IPAddress[]> ResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(Unbracketed, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to resolve {Host}: {SocketErrors.Describe(e.SocketErrorCode)}", inner: e);
        }
    }

    /// <summary>Only the addresses of the allowed family (--inet4-only, --inet6-only).</summary>
    private IPAddress[] Allowed(IPAddress[] addresses)
    {
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

    private string Unbracketed => Host.StartsWith('[') && Host.EndsWith(']') ? Host[1..^1] : Host;

    /// <summary>An address literal needs no resolver (and no await): the usual case, --ip with an address.</summary>
    private bool TryParseLiteral([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(Unbracketed, out address);

    private static string FormatEndpoint(string host, int port) =>
        host.Contains(':') && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
}
