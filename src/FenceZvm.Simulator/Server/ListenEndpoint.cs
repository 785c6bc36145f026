using System.Globalization;
using System.Net;

namespace FenceZvm.Simulator.Server;

/// <summary>A TCP address to listen on: HOST:PORT with an IP literal ("127.0.0.1:0", "[::1]:44444") or localhost.</summary>
public static class ListenEndpoint
{
    public static IPEndPoint Parse(string spec)
    {
        int colon = spec.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(spec.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            throw new SimulatorConfigException($"listen address '{spec}': expected HOST:PORT, e.g. 127.0.0.1:44444 or [::1]:0");
        }

        string host = spec[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':'))
        {
            throw new SimulatorConfigException($"listen address '{spec}': write an IPv6 address in brackets, e.g. [::1]:0");
        }

        IPAddress address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(host, out IPAddress? parsed)
                ? parsed
                : throw new SimulatorConfigException($"listen address '{spec}': '{host}' is not an IP address");
        return new IPEndPoint(address, port);
    }

    public static string Format(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint { Address.AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"[{ip.Address}]:{ip.Port}",
        IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        _ => endpoint.ToString() ?? string.Empty,
    };
}
