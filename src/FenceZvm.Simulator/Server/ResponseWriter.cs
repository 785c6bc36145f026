using System.Net.Sockets;

namespace FenceZvm.Simulator.Server;

/// <summary>Writes whole messages, or (fragment fault) one byte at a time with a short pause.</summary>
internal readonly struct ResponseWriter(Socket socket, bool fragment, CancellationToken cancellationToken)
{
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        if (!fragment)
        {
            while (!bytes.IsEmpty)
            {
                int sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                bytes = bytes[sent..];
            }

            return;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            await socket.SendAsync(bytes.Slice(i, 1), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }
}
