namespace FenceZvm.Smapi.Transport;

/// <summary>Opens one connection to a SMAPI server; the client sends one request over it and closes it.</summary>
public interface ISmapiTransport
{
    /// <summary>Where this transport connects, for messages ("127.0.0.1:44444", "IUCV VSMREQIU").</summary>
    string Endpoint { get; }

    /// <summary>Connects; honours cancellation; failures are <see cref="SmapiTransportException"/>.</summary>
    ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken);
}
