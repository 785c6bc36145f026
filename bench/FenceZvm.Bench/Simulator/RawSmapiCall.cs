using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace FenceZvm.Bench.Simulator;

/// <summary>
/// A minimal client for measuring the server alone: connect, send a pre-framed request, read
/// response 1 and response 2 by length, close. Returns the return code.
/// </summary>
internal sealed class RawSmapiCall(IPEndPoint server, byte[] frame)
{
    public async Task<int> CallAsync()
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server).ConfigureAwait(false);
        await socket.SendAsync(frame, SocketFlags.None).ConfigureAwait(false);
        byte[] buffer = new byte[512];
        int received = 0;
        int needed = 8;
        while (received < needed)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"connection closed after {received} of {needed} bytes");
            }

            received += read;
            if (needed == 8 && received >= 8)
            {
                needed = 8 + BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4));
            }
        }

        return BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(12));
    }
}
