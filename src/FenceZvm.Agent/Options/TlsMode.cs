namespace FenceZvm.Agent.Options;

public enum TlsMode
{
    /// <summary>TLS, verifying the certificate and host name (upstream default).</summary>
    Secure,

    /// <summary>TLS without verification.</summary>
    Insecure,

    /// <summary>Plain TCP.</summary>
    Disabled,
}
