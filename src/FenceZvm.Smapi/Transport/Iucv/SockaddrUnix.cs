using System.Text;

namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>
/// <c>struct sockaddr_un</c> for the testing stand-in (FENCE_ZVM_IUCV_SOCKET): family AF_UNIX in
/// host order, then the NUL-terminated path (at most 107 bytes).
/// </summary>
public static class SockaddrUnix
{
    public const ushort AfUnix = 1;
    private const int PathCapacity = 108;

    /// <exception cref="ArgumentException">The path is empty, too long or holds a NUL.</exception>
    public static byte[] Build(string path)
    {
        byte[] encoded = Encoding.UTF8.GetBytes(path);
        if (encoded.Length == 0 || encoded.Length >= PathCapacity || encoded.Contains((byte)0))
        {
            throw new ArgumentException($"'{path}' is not a usable Unix socket path (1 to {PathCapacity - 1} bytes, no NUL)", nameof(path));
        }

        byte[] address = new byte[2 + encoded.Length + 1];
        BitConverter.TryWriteBytes(address.AsSpan(0, 2), AfUnix);
        encoded.CopyTo(address, 2);
        return address;
    }
}
