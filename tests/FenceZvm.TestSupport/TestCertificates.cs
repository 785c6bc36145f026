using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FenceZvm.TestSupport;

/// <summary>A throw-away CA and a server certificate it signed, made at test time (none is committed).</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, string directory)
    {
        Ca = ca;
        Server = server;
        Directory = directory;
        CaFile = Path.Combine(directory, "ca.pem");
        File.WriteAllText(CaFile, ca.ExportCertificatePem());
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public string Directory { get; }

    /// <summary>The CA certificate as PEM, for --ssl-ca.</summary>
    public string CaFile { get; }

    /// <summary>The server certificate's SHA-256 fingerprint as --ssl-fingerprint takes it, in openssl's colon form.</summary>
    public string ServerFingerprint =>
        "SHA256:" + string.Join(':', Server.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(pair => new string(pair)));

    /// <summary>A server certificate for <paramref name="dnsName"/> (and 127.0.0.1 when <paramref name="withLoopbackAddress"/>).</summary>
    public static TestCertificates Create(string dnsName = "localhost", bool withLoopbackAddress = true)
    {
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=fence-zvm test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

        using RSA serverKey = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        if (withLoopbackAddress)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);
        X509Certificate2 server = signed.CopyWithPrivateKey(serverKey);
        string directory = System.IO.Directory.CreateTempSubdirectory("fence-zvm-tls-").FullName;
        return new TestCertificates(ca, server, directory);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
