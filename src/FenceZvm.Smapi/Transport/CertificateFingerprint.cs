using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FenceZvm.Smapi.Transport;

/// <summary>
/// A certificate's SHA-256 fingerprint written as "SHA256:" and 64 hex digits, in pairs separated by
/// colons or not, in either case: the form <c>openssl x509 -fingerprint -sha256</c> prints, with its
/// "sha256 Fingerprint=" replaced by "SHA256:". Compared as plain upper-case hex.
/// </summary>
public static class CertificateFingerprint
{
    private const string Prefix = "SHA256:";
    private const int HexDigits = 64;

    /// <summary>The fingerprints of a comma-separated list, as plain upper-case hex; null when any is malformed.</summary>
    public static IReadOnlyList<string>? ParseList(string list)
    {
        var pins = new List<string>();
        foreach (string item in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (Normalize(item) is not { } hex)
            {
                return null;
            }

            pins.Add(hex);
        }

        return pins;
    }

    /// <summary>How a certificate's fingerprint is shown: SHA256:AB:CD:...</summary>
    public static string Of(X509Certificate certificate) =>
        Prefix + string.Join(':', Convert.ToHexString(Hash(certificate)).Chunk(2).Select(pair => new string(pair)));

    public static bool Matches(X509Certificate certificate, IReadOnlyList<string> pins) =>
        pins.Contains(Convert.ToHexString(Hash(certificate)), StringComparer.Ordinal);

    private static byte[] Hash(X509Certificate certificate) => SHA256.HashData(certificate.GetRawCertData());

    private static string? Normalize(string item)
    {
        if (!item.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string hex = item[Prefix.Length..].Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == HexDigits && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }
}
