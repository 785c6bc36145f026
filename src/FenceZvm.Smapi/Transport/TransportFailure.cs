namespace FenceZvm.Smapi.Transport;

public enum TransportFailure
{
    /// <summary>No connection could be made (refused, unreachable, name not resolved, TLS refused).</summary>
    ConnectFailed,

    /// <summary>A phase did not complete within the timeout.</summary>
    Timeout,

    /// <summary>The server closed or reset the connection before the response was complete.</summary>
    ConnectionClosed,

    /// <summary>
    /// The server turned the connection away because it is at its connection limit (AF_IUCV connect
    /// EAGAIN). Nothing was sent; a later attempt may succeed.
    /// </summary>
    Busy,
}
