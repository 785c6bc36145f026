namespace FenceZvm.Smapi.Transport;

/// <summary>How the server's certificate is checked.</summary>
public sealed record TlsSettings
{
    /// <summary>False skips every check (--ssl-insecure).</summary>
    public bool Verify { get; init; } = true;

    /// <summary>PEM file of CA certificates to trust instead of the system store (--ssl-ca).</summary>
    public string? CaFile { get; init; }

    /// <summary>
    /// SHA-256 fingerprints (plain upper-case hex, <see cref="CertificateFingerprint"/>) of the
    /// certificates to accept whatever their chain and name (--ssl-fingerprint); when any are
    /// given, no other certificate is accepted.
    /// </summary>
    public IReadOnlyList<string> PinnedFingerprints { get; init; } = [];
}
