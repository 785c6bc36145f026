using System.Net;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>IPv6 literals work (upstream always creates an IPv4 socket), and -4/-6 are honoured.</summary>
public sealed class AddressFamilyTests
{
    [TestCase("::1")]
    [TestCase("[::1]")]
    public async Task Ipv6LiteralWorks(string address)
    {
        await using var sim = Ipv6Simulator();
        ProcessResult r = await AgentProcess.RunAsync("--disable-ssl", "-6", "-a", address, "-u", sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password, "-o", "status", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
    }

    [Test]
    public async Task Ipv4OnlyRefusesAnIpv6Address()
    {
        await using var sim = Ipv6Simulator();
        ProcessResult r = await AgentProcess.RunAsync("--disable-ssl", "-4", "-a", "::1", "-u", sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("has no IPv4 address"));
    }

    private static SimulatorHost Ipv6Simulator()
    {
        if (!System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            Assert.Ignore("this machine has no IPv6 loopback");
        }

        return SimulatorHost.Start(["CNODE1=on"], listen: new IPEndPoint(IPAddress.IPv6Loopback, 0));
    }
}
