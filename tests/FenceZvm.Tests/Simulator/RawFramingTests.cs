using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Tests.Simulator;

/// <summary>Requests a well-behaved client cannot send: written as raw bytes.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RawFramingTests
{
    [Test]
    public async Task AnInputLengthShorterThanTheFieldsIs900Rs20()
    {
        await using var sim = SimulatorHost.Start();
        byte[] frame = RequestFramer.ToArray(CheckAuthentication.Function.Request(SimulatorHost.Fence), TextCodecs.Ascii);
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 8);

        (int rc, int rs) = await ExchangeAsync(sim.Port, frame[..^4]);

        Assert.That((rc, rs), Is.EqualTo((900, 20)));
    }

    [Test]
    public async Task AnInputLengthAboveTheBoundIs900Rs36()
    {
        await using var sim = SimulatorHost.Start();
        byte[] frame = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(frame, 1 << 20);

        (int rc, int rs) = await ExchangeAsync(sim.Port, frame);

        Assert.That((rc, rs), Is.EqualTo((900, 36)));
    }

    [Test]
    public async Task AWrongCaseFunctionNameIs900Rs12()
    {
        await using var sim = SimulatorHost.Start();
        byte[] frame = RequestFramer.ToArray(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE1"), TextCodecs.Ascii);
        frame[8] = (byte)'i';

        (int rc, int rs) = await ExchangeAsync(sim.Port, frame);

        Assert.That((rc, rs), Is.EqualTo((900, 12)));
    }

    [Test]
    public async Task ATargetLongerThanEightIsASyntaxError()
    {
        await using var sim = SimulatorHost.Start();
        byte[] good = RequestFramer.ToArray(ImageStatusQuery.Function.Request(SimulatorHost.Fence, "CNODE1"), TextCodecs.Ascii);
        byte[] frame = [.. good[..^10], 0, 0, 0, 9, .. "CNODE1234"u8];
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);

        (int rc, int rs) = await ExchangeAsync(sim.Port, frame);

        Assert.That((rc, rs), Is.EqualTo((24, 413)));
    }

    [Test]
    public async Task ASilentClientIsDisconnectedAfterTheReadTimeout()
    {
        await using var sim = SimulatorHost.Start(o => o with { ReadTimeout = TimeSpan.FromMilliseconds(300) });
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, sim.Port));
        await socket.SendAsync(new byte[] { 0, 0, 0, 40, 0, 0 });

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        int read = await socket.ReceiveAsync(new byte[16], SocketFlags.None, guard.Token);

        Assert.That(read, Is.Zero);
    }

    private static async Task<(int Rc, int Rs)> ExchangeAsync(int port, byte[] frame)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await socket.SendAsync(frame);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        byte[] response = new byte[20];
        int total = 0;
        while (total < response.Length)
        {
            int read = await socket.ReceiveAsync(response.AsMemory(total), SocketFlags.None, guard.Token);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        Assert.That(total, Is.EqualTo(20), "response 1 and the 16-byte head of response 2");
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(response.AsSpan(8)), Is.EqualTo(BinaryPrimitives.ReadUInt32BigEndian(response)));
        return (BinaryPrimitives.ReadInt32BigEndian(response.AsSpan(12)), BinaryPrimitives.ReadInt32BigEndian(response.AsSpan(16)));
    }
}
