using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FenceZvm.Simulator.Server;

/// <summary>The server certificate and key when the simulator serves TLS (--tls-cert, --tls-key).</summary>
public sealed class SimulatorTls(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    /// <exception cref="SimulatorConfigException">The files cannot be read or do not hold a certificate and its key.</exception>
    public static SimulatorTls FromPemFiles(string certificateFile, string keyFile)
    {
        try
        {
            return new SimulatorTls(X509Certificate2.CreateFromPemFile(certificateFile, keyFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new SimulatorConfigException($"TLS certificate {certificateFile} with key {keyFile}: {e.Message}");
        }
    }
}
