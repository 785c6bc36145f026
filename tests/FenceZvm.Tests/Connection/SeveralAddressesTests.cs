using System.Net;
using System.Net.Sockets;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>
/// A host name with several addresses (a dual-stack name whose IPv6 route is dead, the members of a
/// round-robin name): an address that never answers the connect leaves the next one a share of the
/// connect timeout, so the exchange still reaches a live address within it. (Upstream connects to the
/// first address only.) The addresses are given to the transport as its resolver would return them.
/// </summary>
public sealed class SeveralAddressesTests
{
    private static readonly IPAddress BlackHoleAddress = IPAddress.Parse("127.0.0.2");

    [Test]
    public async Task FirstAddressBlackHoled_TheNextOneAnswersWithinTheTimeout()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        using var blackHole = BlackHole.On(new IPEndPoint(BlackHoleAddress, sim.Port));
        var transport = new TcpTransport("zvm.example", sim.Port) { ResolvedAddresses = [BlackHoleAddress, IPAddress.Loopback] };
        var client = new SmapiClient(transport, new SmapiClientOptions { Timeout = TimeSpan.FromSeconds(4) });

        SmapiResponse status = client.Call(ImageStatusQuery.Function.Request(new(SimulatorHost.User, SimulatorHost.Password), "CNODE1"));

        Assert.That((status.ReturnCode, status.ReasonCode), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task EveryAddressBlackHoled_TimesOutWithinTheOneTimeout()
    {
        using var blackHole = BlackHole.On(new IPEndPoint(BlackHoleAddress, 0));
        var transport = new TcpTransport("zvm.example", blackHole.Port) { ResolvedAddresses = [BlackHoleAddress, BlackHoleAddress, BlackHoleAddress, BlackHoleAddress] };
        var client = new SmapiClient(transport, new SmapiClientOptions { Timeout = TimeSpan.FromSeconds(2) });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        SmapiTransportException e = Assert.Throws<SmapiTransportException>(() => client.Call(ImageStatusQuery.Function.Request(new("USER", "pw"), "CNODE1")))!;

        Assert.That(e.Failure, Is.EqualTo(TransportFailure.Timeout), e.ToString());
        Assert.That(e.Message, Does.Contain("timed out after 2 s connecting"));
        // A hang bound, not a speed figure: a full timeout per address would be 8 s.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    /// <summary>
    /// A listener whose accept queue is full and never accepted: the kernel drops further SYNs, so a
    /// connect to it waits as to an address that does not answer at all.
    /// </summary>
    private sealed class BlackHole : IDisposable
    {
        private readonly Socket listener;
        private readonly List<Socket> queued = [];

        private BlackHole(IPEndPoint endpoint)
        {
            listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(endpoint);
            listener.Listen(0);
            Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            for (int i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                try
                {
                    filler.Connect(listener.LocalEndPoint!);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
                {
                }

                queued.Add(filler);
            }
        }

        public int Port { get; }

        public static BlackHole On(IPEndPoint endpoint) => new(endpoint);

        public void Dispose()
        {
            queued.ForEach(s => s.Dispose());
            listener.Dispose();
        }
    }
}
