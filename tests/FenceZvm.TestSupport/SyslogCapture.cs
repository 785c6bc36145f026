using System.Net.Sockets;
using System.Text;

namespace FenceZvm.TestSupport;

/// <summary>A Unix datagram socket standing in for /dev/log (FENCE_ZVM_SYSLOG_SOCKET), collecting every record.</summary>
public sealed class SyslogCapture : IDisposable
{
    private readonly Socket socket;
    private readonly List<string> records = [];
    private readonly Task receiving;

    public SyslogCapture()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fence-zvm-syslog-{Guid.NewGuid():N}.sock");
        socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path));
        receiving = Task.Run(ReceiveAsync);
    }

    public string Path { get; }

    public IReadOnlyList<string> Records
    {
        get
        {
            lock (records)
            {
                return records.ToArray();
            }
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        File.Delete(Path);
        _ = receiving.Exception;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                lock (records)
                {
                    records.Add(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
