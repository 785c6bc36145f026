using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Fuzz;

/// <summary>
/// The whole client over a real socket against a small hostile server: for each connection the
/// server reads the request, then sends a random valid prefix (request id, output_length, part of
/// the body) followed by random bytes, and then closes, stalls or keeps streaming. Every call must
/// end as a response or a SmapiException, within the four phase timeouts plus a margin.
/// </summary>
public sealed class SocketFuzzer(int seed, TimeSpan clientTimeout)
{
    private readonly Random random = new(seed);

    public int Connections { get; private set; }

    public int Responses { get; private set; }

    public int Failures { get; private set; }

    public TimeSpan Bound => (4 * clientTimeout) + TimeSpan.FromSeconds(2);

    public async Task RunAsync(int connections, TimeSpan duration)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var client = new SmapiClient(new TcpTransport("127.0.0.1", port), new SmapiClientOptions { Timeout = clientTimeout });
        var credentials = new SmapiCredentials("FUZZ", "fuzz-pw1");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < connections && clock.Elapsed < duration; i++)
        {
            byte[] script = NextScript(out Ending ending);
            Task<Socket> accepted = listener.AcceptSocketAsync();
            var watch = Stopwatch.StartNew();
            // The client's exchange blocks (connect, send and read on the calling thread), so it gets a
            // thread of its own: called here, it would time out before the hostile server below began.
            Task<SmapiResponse> call = Task.Factory.StartNew(
                () => client.Call(ImageStatusQuery.Function.Request(credentials, "CNODE1")),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            using Socket server = await accepted;
            using var serving = new CancellationTokenSource();
            Task serve = ServeAsync(server, script, ending, serving.Token);
            if (await Task.WhenAny(call, Task.Delay(Bound + TimeSpan.FromSeconds(5))) != call)
            {
                throw new FuzzFailure($"seed {seed} connection {i}: the call did not end within {Bound.TotalSeconds} s ({ending}): {Convert.ToHexString(script)}");
            }

            TimeSpan elapsed = watch.Elapsed;
            await serving.CancelAsync();
            try
            {
                await serve;
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
            }

            try
            {
                await call;
                Responses++;
            }
            catch (SmapiException)
            {
                Failures++;
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"seed {seed} connection {i}: {e.GetType().Name} escaped the client ({ending}): {e}\nscript {Convert.ToHexString(script)}");
            }

            if (elapsed > Bound)
            {
                throw new FuzzFailure($"seed {seed} connection {i}: the call took {elapsed.TotalSeconds:0.0} s, beyond {Bound.TotalSeconds} s ({ending})");
            }

            Connections++;
        }
    }

    public enum Ending
    {
        Close,
        Stall,
        Stream,
        Fragments,
    }

    private byte[] NextScript(out Ending ending)
    {
        ending = (Ending)random.Next(4);
        uint id = (uint)random.Next();
        var script = new List<byte>();
        int prefix = random.Next(5);
        if (prefix >= 1)
        {
            script.AddRange(ResponseFramer.RequestId(id));
        }

        if (prefix >= 2)
        {
            int length = random.Next(3) switch
            {
                0 => random.Next(12, 64),
                1 => random.Next(-16, 16),
                _ => random.Next(),
            };
            var word = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(word, length);
            script.AddRange(word);
        }

        if (prefix >= 3)
        {
            script.AddRange(ResponseFramer.RequestId(random.Next(4) == 0 ? id + 1 : id));
        }

        if (prefix >= 4)
        {
            var codes = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(codes, random.Next(3) == 0 ? 0 : random.Next(-1, 1000));
            BinaryPrimitives.WriteInt32BigEndian(codes.AsSpan(4), random.Next(100));
            script.AddRange(codes);
        }

        var noise = new byte[random.Next(0, 48)];
        random.NextBytes(noise);
        script.AddRange(noise);
        return [.. script];
    }

    private static async Task ServeAsync(Socket socket, byte[] script, Ending ending, CancellationToken token)
    {
        // Read the request by its input_length (4 bytes + that many).
        var length = new byte[4];
        await ReceiveExactlyAsync(socket, length, token);
        int remaining = BinaryPrimitives.ReadInt32BigEndian(length);
        var sink = new byte[4096];
        while (remaining > 0)
        {
            int n = await socket.ReceiveAsync(sink.AsMemory(0, Math.Min(sink.Length, remaining)), SocketFlags.None, token);
            if (n == 0)
            {
                return;
            }

            remaining -= n;
        }

        if (ending == Ending.Fragments)
        {
            foreach (byte b in script)
            {
                await socket.SendAsync(new[] { b }, SocketFlags.None, token);
                await Task.Delay(1, token);
            }
        }
        else
        {
            await socket.SendAsync(script, SocketFlags.None, token);
        }

        switch (ending)
        {
            case Ending.Stall:
                await Task.Delay(Timeout.Infinite, token);
                break;
            case Ending.Stream:
                var junk = new byte[16 * 1024];
                Random.Shared.NextBytes(junk);
                for (int i = 0; i < 256 && !token.IsCancellationRequested; i++)
                {
                    await socket.SendAsync(junk, SocketFlags.None, token);
                }

                break;
        }

        socket.Shutdown(SocketShutdown.Both);
    }

    private static async Task ReceiveExactlyAsync(Socket socket, byte[] buffer, CancellationToken token)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, token);
            if (n == 0)
            {
                throw new IOException("client closed");
            }

            read += n;
        }
    }
}
