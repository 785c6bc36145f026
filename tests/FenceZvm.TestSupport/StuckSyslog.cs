using System.Net.Sockets;

namespace FenceZvm.TestSupport;

/// <summary>
/// A syslog socket (FENCE_ZVM_SYSLOG_SOCKET) whose reader never reads: bound, and its receive queue
/// already filled to the brim, so every further datagram would block a blocking sender.
/// </summary>
public sealed class StuckSyslog : IDisposable
{
    private readonly Socket reader;

    public StuckSyslog()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fence-zvm-stuck-syslog-{Guid.NewGuid():N}.sock");
        reader = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        reader.Bind(new UnixDomainSocketEndPoint(Path));
        using var filler = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        filler.Connect(new UnixDomainSocketEndPoint(Path));
        filler.Blocking = false;
        var record = new byte[64];
        while (filler.Send(record, SocketFlags.None, out SocketError error) > 0 || error == SocketError.Success)
        {
            QueuedRecords++;
        }
    }

    public string Path { get; }

    /// <summary>How many records filled the queue (at least one, or the socket would not be stuck).</summary>
    public int QueuedRecords { get; }

    public void Dispose()
    {
        reader.Dispose();
        File.Delete(Path);
    }
}
