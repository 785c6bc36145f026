using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>
/// Certificate chains are built offline. A server certificate whose issuing CA is neither sent by the
/// server nor held locally is refused at once; the agent never follows the certificate's "CA issuers"
/// URL to fetch the missing CA. A fence must not depend on, or wait for, a web server it was never
/// told about; OpenSSL, which the upstream agent uses, does not fetch either.
/// </summary>
public sealed class OfflineChainTests
{
    [Test]
    public async Task MissingIntermediate_IsRefused_AndNeverFetchedFromTheCertificatesUrl()
    {
        using var issuers = new CountingHttpServer();
        using var chain = ThreeLevelChain.Create(issuers.Url);
        issuers.Serve(chain.Intermediate.RawData);
        using var server = LeafOnlyTlsServer.Start(chain.Leaf);
        string caFile = Path.Combine(chain.Directory, "root.pem");
        File.WriteAllText(caFile, chain.Root.ExportCertificatePem());

        ProcessResult r = await AgentProcess.RunAsync(
            "-a", "127.0.0.1", "-u", server.Port.ToString(CultureInfo.InvariantCulture), "-l", "FENCE", "-p", "secret",
            "--ssl-ca", caFile, "-o", "status", "-n", "CNODE1", "--shell-timeout", "5");

        Assert.That(issuers.Requests, Is.EqualTo(0), "the agent fetched the issuing CA from the certificate's URL");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("untrusted certificate"));
    }

    /// <summary>Root CA, an intermediate CA it signed, and a leaf for 127.0.0.1 the intermediate signed,
    /// whose AIA extension names the intermediate's URL.</summary>
    private sealed class ThreeLevelChain : IDisposable
    {
        private ThreeLevelChain(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf)
        {
            Root = root;
            Intermediate = intermediate;
            Leaf = leaf;
            Directory = System.IO.Directory.CreateTempSubdirectory("fence-zvm-chain-").FullName;
        }

        public X509Certificate2 Root { get; }

        public X509Certificate2 Intermediate { get; }

        public X509Certificate2 Leaf { get; }

        public string Directory { get; }

        public static ThreeLevelChain Create(string issuerUrl)
        {
            // Names of their own: an agent that does fetch keeps what it fetched in the user's CA store
            // (~/.dotnet/corefx/cryptography/x509stores/ca), and a later run would find it there by name.
            string run = Guid.NewGuid().ToString("N");
            using RSA rootKey = RSA.Create(2048);
            X509Certificate2 root = CaRequest($"CN=fence-zvm chain test root {run}", rootKey)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

            using RSA intermediateKey = RSA.Create(2048);
            using X509Certificate2 intermediatePublic = CaRequest($"CN=fence-zvm chain test intermediate {run}", intermediateKey)
                .Create(root, DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddDays(1), [5, 6, 7, 8]);
            X509Certificate2 intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

            using RSA leafKey = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, [issuerUrl]));
            using X509Certificate2 leafPublic = request.Create(intermediate, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(20), [9, 10, 11, 12]);
            return new ThreeLevelChain(root, intermediate, leafPublic.CopyWithPrivateKey(leafKey));
        }

        public void Dispose()
        {
            Root.Dispose();
            Intermediate.Dispose();
            Leaf.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        private static CertificateRequest CaRequest(string subject, RSA key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            return request;
        }
    }

    /// <summary>An HTTP server that answers every request with one body and counts the requests.</summary>
    private sealed class CountingHttpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private byte[] body = [];
        private int requests;

        public CountingHttpServer()
        {
            listener.Start();
            _ = ServeEachAsync(listener, AnswerAsync);
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/issuer.cer";

        public int Requests => Volatile.Read(ref requests);

        public void Serve(byte[] content) => body = content;

        public void Dispose() => listener.Stop();

        private async Task AnswerAsync(NetworkStream stream)
        {
            Interlocked.Increment(ref requests);
            await ReadRequestHeadAsync(stream);
            byte[] head = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/pkix-cert\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head);
            await stream.WriteAsync(body);
        }
    }

    /// <summary>Hands each connection to <paramref name="serve"/>, one after another, until the listener stops.</summary>
    private static async Task ServeEachAsync(TcpListener listener, Func<NetworkStream, Task> serve)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                await serve(client.GetStream());
            }
        }
    }

    private static async Task ReadRequestHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    /// <summary>A TLS server that sends its leaf certificate alone (no intermediate) and closes after the handshake.</summary>
    private sealed class LeafOnlyTlsServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly SslStreamCertificateContext context;

        private LeafOnlyTlsServer(X509Certificate2 leaf)
        {
            context = SslStreamCertificateContext.Create(leaf, [], offline: true);
            listener.Start();
            _ = ServeEachAsync(listener, HandshakeAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static LeafOnlyTlsServer Start(X509Certificate2 leaf) => new(leaf);

        public void Dispose() => listener.Stop();

        private async Task HandshakeAsync(NetworkStream stream)
        {
            using var ssl = new SslStream(stream);
            try
            {
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context });
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // The agent refusing the certificate is what the test expects.
            }
        }
    }
}
