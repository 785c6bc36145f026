namespace FenceZvm.Smapi.Transport;

/// <summary>How the server's certificate is checked.</summary>
public sealed record TlsSettings
{
    /// <summary>False skips every check (--ssl-insecure).</summary>
    public bool Verify { get; init; } = true;

    /// <summary>PEM file of CA certificates to trust instead of the system store (--ssl-ca).</summary>
    public string? CaFile { get; init; }
}
