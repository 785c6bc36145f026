using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>
/// The TLS handshake is bounded as a whole by the timeout, not only each read in it: a server (or a
/// middlebox) that sends its handshake a byte at a time keeps every read within the timeout, and without
/// the whole bound held the agent until its caller killed it.
/// </summary>
public sealed class TlsTrickleTests
{
    [Test]
    public async Task HandshakeThatTricklesIsBoundedByTheTimeout()
    {
        using var server = new TricklingServer(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

        ProcessResult r = await AgentProcess.RunAsync(
            "--ssl-insecure", "-a", "127.0.0.1", "-u", server.Port.ToString(CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password,
            "-o", "status", "-n", "CNODE1", "--shell-timeout", "1");

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("timed out after 1 s connecting"), r.ToString());
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "hang guard: the server trickles for 20 s");
    }

    /// <summary>
    /// Answers a ClientHello with the header of a 16 KiB handshake record, then one byte of it every
    /// <c>gap</c>, for <c>during</c> at most, then closes.
    /// </summary>
    private sealed class TricklingServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        public TricklingServer(TimeSpan gap, TimeSpan during)
        {
            listener.Start();
            _ = ServeAsync(gap, during);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }

        private async Task ServeAsync(TimeSpan gap, TimeSpan during)
        {
            try
            {
                while (true)
                {
                    TcpClient client = await listener.AcceptTcpClientAsync(stop.Token);
                    _ = TrickleAsync(client, gap, during);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        private async Task TrickleAsync(TcpClient client, TimeSpan gap, TimeSpan during)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    // The ClientHello, or enough of it: what it says does not matter.
                    _ = await stream.ReadAsync(new byte[16 * 1024], stop.Token);
                    await stream.WriteAsync(new byte[] { 0x16, 0x03, 0x03, 0x40, 0x00, 0x02 }, stop.Token);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    while (watch.Elapsed < during)
                    {
                        await Task.Delay(gap, stop.Token);
                        await stream.WriteAsync(new byte[1], stop.Token);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
                {
                }
            }
        }
    }
}
