using System.Globalization;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>
/// TLS as upstream: on by default with certificate and host-name verification (--ssl, --ssl-secure),
/// --ssl-insecure without verification, --disable-ssl for plain TCP; plus --ssl-ca to trust a CA.
/// Every TLS failure is one line naming the reason.
/// </summary>
public sealed class TlsTests
{
    [Test]
    public async Task VerifiedWithTheCaFile()
    {
        using var certificates = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-ca", certificates.CaFile, "-o", "off", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.System.ActiveGuests(), Is.Empty);
    }

    [Test]
    public async Task VerifiedByHostName()
    {
        using var certificates = TestCertificates.Create("localhost", withLoopbackAddress: false);
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "localhost", "-4", "--ssl-secure", "--ssl-ca", certificates.CaFile, "-o", "status", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
    }

    [Test]
    public async Task UntrustedCertificateIsRefusedByDefault()
    {
        using var certificates = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.Contain($"TLS connection to 127.0.0.1:{sim.Port} failed: untrusted certificate"));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(0));
    }

    [Test]
    public async Task NameMismatchIsRefused()
    {
        using var certificates = TestCertificates.Create("smapi.example.com", withLoopbackAddress: false);
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl", "--ssl-ca", certificates.CaFile, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("failed: certificate name mismatch: the certificate is not for 127.0.0.1"));
    }

    [Test]
    public async Task CaFileThatDidNotSignTheCertificateIsRefused()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-ca", other.CaFile, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain($"untrusted certificate: it does not chain to {other.CaFile}"));
    }

    [Test]
    public async Task InsecureSkipsVerification()
    {
        using var certificates = TestCertificates.Create("smapi.example.com", withLoopbackAddress: false);
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-insecure", "-o", "status", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
    }

    [Test]
    public async Task TlsAgainstAPlainServerFailsClearly()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-insecure", "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("handshake refused (is the server speaking TLS?)"));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(0));
    }

    [Test]
    public async Task PlainAgainstATlsServerFailsClearly()
    {
        using var certificates = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--disable-ssl", "-o", "off", "-n", "CNODE1", "--shell-timeout", "2");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(0));
    }

    [Test]
    public async Task HandshakeThatStallsIsBoundedByTheTimeout()
    {
        using var certificates = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["tls-stall"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-ca", certificates.CaFile, "-o", "status", "-n", "CNODE1", "--shell-timeout", "1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("timed out after 1 s connecting"));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "hang guard");
    }

    [Test]
    public async Task PinnedFingerprintIsAcceptedWhateverTheChainAndName()
    {
        using var certificates = TestCertificates.Create("smapi.example.com", withLoopbackAddress: false);
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-fingerprint", certificates.ServerFingerprint, "-o", "off", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task AnyOfSeveralPinsIsAcceptedInPlainHexToo()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        string plainLowerHex = "sha256:" + certificates.Server.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256).ToLowerInvariant();
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-fingerprint", $"{other.ServerFingerprint}, {plainLowerHex}", "-o", "status", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
    }

    [Test]
    public async Task OtherCertificateIsRefusedNamingTheFingerprintSeen()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        ProcessResult r = await Run(sim, "-a", "127.0.0.1", "--ssl-fingerprint", other.ServerFingerprint, "--ssl-ca", certificates.CaFile, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines, Has.Length.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain($"TLS connection to 127.0.0.1:{sim.Port} failed: the server's certificate {certificates.ServerFingerprint} is not a pinned fingerprint"));
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(0), "a pin replaces the CA check: a trusted but unpinned certificate is refused");
    }

    [Test]
    public async Task PinFromStdin()
    {
        using var certificates = TestCertificates.Create("smapi.example.com", withLoopbackAddress: false);
        await using var sim = SimulatorHost.Start(["CNODE1=on"], tlsCertificate: certificates.Server);
        string stdin = $"ip=127.0.0.1\nipport={sim.Port}\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\nplug=CNODE1\naction=status\nssl_fingerprint={certificates.ServerFingerprint}\n";
        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
    }

    [TestCase("SHA256:1234")]
    [TestCase("AB:CD")]
    [TestCase("SHA1:0000000000000000000000000000000000000000")]
    public async Task MalformedFingerprintIsAClearError(string value)
    {
        ProcessResult r = await AgentProcess.RunAsync("-a", "127.0.0.1", "-l", "U", "-p", "pw", "-n", "CNODE1", "-o", "status", "--ssl-fingerprint", value);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines[0], Does.EndWith("ERROR: Failed: The value you have entered for --ssl-fingerprint is not a list of SHA256: followed by 64 hex digits"), r.ToString());
    }

    private static Task<ProcessResult> Run(SimulatorHost sim, params string[] arguments) =>
        AgentProcess.RunAsync(["-u", sim.Port.ToString(CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password, .. arguments]);
}
