using System.Diagnostics;
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

    /// <summary>For tests: the addresses the host name resolves to, in place of asking the resolver.</summary>
    internal IPAddress[]? ResolvedAddresses { get; init; }

    public Stream Connect(TimeSpan bound, CancellationToken cancellationToken) =>
        new NetworkStream(ConnectSocket(bound, cancellationToken), ownsSocket: true);

    /// <summary>
    /// The blocking connect: SO_SNDTIMEO bounds connect(2) (it then fails with EINPROGRESS), and the
    /// socket keeps SO_SNDTIMEO and SO_RCVTIMEO for the exchange. No asynchronous operation ever runs on
    /// it: their machinery (an event thread, completion queues) costs a one-shot process more to start
    /// than the whole exchange, above all where every method is JIT-compiled (s390x).
    /// Several addresses share the bound: each gets an even part of what is left, so one that never
    /// answers (a dead IPv6 route of a dual-stack name) leaves the next its turn within the bound.
    /// </summary>
    internal Socket ConnectSocket(TimeSpan bound, CancellationToken cancellationToken)
    {
        IPAddress[] addresses = Allowed(TryParseLiteral(out IPAddress? literal) ? [literal] : ResolveWithin(bound, cancellationToken));
        long started = Stopwatch.GetTimestamp();
        Exception? last = null;
        for (int i = 0; i < addresses.Length; i++)
        {
            TimeSpan share = (bound - Stopwatch.GetElapsedTime(started)) / (addresses.Length - i);
            int milliseconds = Math.Max(1, (int)Math.Ceiling(share.TotalMilliseconds));
            var socket = new Socket(addresses[i].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = milliseconds, ReceiveTimeout = milliseconds };
            try
            {
                using (cancellationToken.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket))
                {
                    socket.Connect(new IPEndPoint(addresses[i], Port));
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (addresses.Length > 1)
                {
                    // The TLS handshake after it has the whole bound, as with one address.
                    socket.SendTimeout = socket.ReceiveTimeout = (int)Math.Ceiling(bound.TotalMilliseconds);
                }

                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.InProgress or SocketError.WouldBlock or SocketError.TimedOut)
            {
                socket.Dispose();
                last = new TimeoutException($"connect to {Endpoint} timed out", e);
            }
            catch (SocketException e) when (!cancellationToken.IsCancellationRequested)
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

        throw last is SocketException refused
            ? new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to connect to {Endpoint}: {SocketErrors.Describe(refused.SocketErrorCode)}", inner: refused)
            : last!;
    }

    /// <summary>A host name is resolved asynchronously (the resolver's own socket), within the bound.</summary>
    private IPAddress[] ResolveWithin(TimeSpan bound, CancellationToken cancellationToken)
    {
        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        within.CancelAfter(bound);
        try
        {
            return ResolveAsync(within.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"resolving {Host} timed out", e);
        }
    }

    private async ValueTask<IPAddress[]> ResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return ResolvedAddresses ?? await Dns.GetHostAddressesAsync(Unbracketed, cancellationToken).ConfigureAwait(false);
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
    private bool TryParseLiteral([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        // IPAddress.TryParse (and so Dns) also takes "[v6]:port" and drops the port: the port is never read from the host.
        if (Unbracketed.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to resolve {Host}: not a host name or an IP address");
        }

        return IPAddress.TryParse(Unbracketed, out address);
    }

    private static string FormatEndpoint(string host, int port) =>
        host.Contains(':') && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
}
