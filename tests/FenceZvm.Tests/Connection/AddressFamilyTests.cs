using System.Net;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>IPv6 literals work (upstream always creates an IPv4 socket), -4/-6 are honoured, and a port belongs in --ipport.</summary>
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

    /// <summary>
    /// Issue 19 row 7: a port inside --ip is refused with a clear line, never dropped. The port given
    /// there (1) is not the simulator's; dropping it would reach the simulator on --ipport and succeed.
    /// Upstream cannot resolve these forms and fails as well.
    /// </summary>
    [TestCase("[::1]:1", true)]
    [TestCase("127.0.0.1:1", false)]
    public async Task PortInTheAddress_IsRefusedNeverIgnored(string address, bool ipv6)
    {
        await using var sim = ipv6 ? Ipv6Simulator() : SimulatorHost.Start(["CNODE1=on"]);
        string[] arguments = ["--disable-ssl", "-a", address, "-u", sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-p", SimulatorHost.Password, "-o", "off", "-n", "CNODE1"];

        ProcessResult r = await AgentProcess.RunAsync(arguments);

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain($"Failed: The value you have entered for --ip ({address}) includes a port; give the port with --ipport"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(FenceZvm.Simulator.Model.GuestState.On));
        if (File.Exists(UpstreamAgent.Path))
        {
            Assert.That((await ProcessRunner.RunAsync(UpstreamAgent.Path, arguments)).ExitCode, Is.EqualTo(1), "upstream fails too");
            Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(FenceZvm.Simulator.Model.GuestState.On));
        }
    }

    [Test]
    public async Task TransportNeverReadsABracketedAddressWithAPortAsTheAddress()
    {
        await using var sim = Ipv6Simulator();
        var transport = new FenceZvm.Smapi.Transport.TcpTransport("[::1]:1", sim.Port);

        Assert.That(() => transport.Connect(TimeSpan.FromSeconds(5), CancellationToken.None), Throws.TypeOf<FenceZvm.Smapi.Transport.SmapiTransportException>());
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
