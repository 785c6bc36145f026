using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FenceZvm.Smapi.Transport;

/// <summary>
/// TLS over TCP. With verification on, the certificate must chain to the system store (or to the
/// CA file) and match the host name; with pinned fingerprints, it must be one of them instead
/// (self-signed SMAPI servers). A failed handshake is a connect failure naming the reason.
/// </summary>
public sealed class TlsTransport : ISmapiTransport
{
    private readonly TcpTransport tcp;
    private readonly TlsSettings settings;
    private readonly X509Certificate2Collection? trustedCas;

    public TlsTransport(TcpTransport tcp, TlsSettings settings)
    {
        this.tcp = tcp;
        this.settings = settings;
        trustedCas = settings.Verify && settings.PinnedFingerprints.Count == 0 && settings.CaFile is { } path ? LoadCas(path) : null;
    }

    public string Endpoint => $"{tcp.Endpoint} (TLS)";

    /// <summary>The blocking connect and handshake, each within the bound (see <see cref="ISmapiTransport.Connect"/>).</summary>
    public Stream Connect(TimeSpan bound, CancellationToken cancellationToken)
    {
        var tcpStream = new HandshakeBoundStream(new NetworkStream(tcp.ConnectSocket(bound, cancellationToken), ownsSocket: true), bound);
        var ssl = new SslStream(tcpStream, leaveInnerStreamOpen: false);
        var handshake = new Handshake(this);
        try
        {
            using (cancellationToken.UnsafeRegister(static s => ((SslStream)s!).Dispose(), ssl))
            {
                ssl.AuthenticateAsClient(handshake.Options);
            }

            cancellationToken.ThrowIfCancellationRequested();
            tcpStream.EndHandshake();
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            ssl.Dispose();
            if (e is TimeoutException || e.InnerException is TimeoutException or SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
            {
                throw new TimeoutException($"TLS handshake with {tcp.Endpoint} timed out", e);
            }

            throw Failed(handshake, e);
        }
        catch
        {
            ssl.Dispose();
            throw;
        }
    }

    private SmapiTransportException Failed(Handshake handshake, Exception e) =>
        new(TransportFailure.ConnectFailed, $"TLS connection to {tcp.Endpoint} failed: {handshake.Rejection ?? "handshake refused (is the server speaking TLS?)"}", inner: e);

    private string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!settings.Verify && settings.PinnedFingerprints.Count == 0)
        {
            return null;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server sent no certificate";
        }

        if (settings.PinnedFingerprints.Count > 0)
        {
            return CertificateFingerprint.Matches(certificate, settings.PinnedFingerprints)
                ? null
                : $"the server's certificate {CertificateFingerprint.Of(certificate)} is not a pinned fingerprint (--ssl-fingerprint)";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"certificate name mismatch: the certificate is not for {tcp.Host}";
        }

        if (trustedCas is null)
        {
            return errors == SslPolicyErrors.None ? null : $"untrusted certificate ({ChainStatus(chain)})";
        }

        using var custom = new X509Chain();
        custom.ChainPolicy = OfflineChainPolicy();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trustedCas);
        return custom.Build(new X509Certificate2(certificate))
            ? null
            : $"untrusted certificate: it does not chain to {settings.CaFile} ({ChainStatus(custom)})";
    }

    /// <summary>
    /// Chains are built from what the server sent and what this host holds, never from the network: a
    /// missing intermediate is not fetched from the URL the certificate names, and nothing is asked about
    /// revocation. A fence must not wait on a web server it was never told about (OpenSSL, which the
    /// upstream agent uses, never fetches either), and the download code stays out of the image
    /// (ILLink.Substitutions.xml of the agent's project).
    /// </summary>
    private static X509ChainPolicy OfflineChainPolicy() => new()
    {
        DisableCertificateDownloads = true,
        RevocationMode = X509RevocationMode.NoCheck,
    };

    private static string ChainStatus(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "no chain"
            : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());

    private static X509Certificate2Collection LoadCas(string path)
    {
        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to read CA file {path}: {e.Message}", inner: e);
        }

        if (cas.Count == 0)
        {
            throw new SmapiTransportException(TransportFailure.ConnectFailed, $"CA file {path} holds no PEM certificate");
        }

        return cas;
    }

    /// <summary>One handshake's options, keeping why the certificate was refused for the message.</summary>
    private sealed class Handshake
    {
        public Handshake(TlsTransport transport) =>
            Options = new SslClientAuthenticationOptions
            {
                TargetHost = transport.tcp.Host.Trim('[', ']'),
                CertificateChainPolicy = OfflineChainPolicy(),
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    Rejection = transport.Check(certificate, chain, errors);
                    return Rejection is null;
                },
            };

        public SslClientAuthenticationOptions Options { get; }

        public string? Rejection { get; private set; }
    }
}
