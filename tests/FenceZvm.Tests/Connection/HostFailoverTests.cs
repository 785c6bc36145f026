using System.Globalization;
using System.Net;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>
/// Several SMAPI hosts in --ip (the members of an SSI cluster, all on the same port): each exchange
/// tries them in order, from the one that answered the exchange before, and moves on only when a host
/// cannot be reached or answers RC 900; any other answer is final. The hosts here are simulators on
/// different loopback addresses.
/// </summary>
public sealed class HostFailoverTests
{
    private const string Dead = "127.0.0.9";

    [Test]
    public async Task FirstHostDownSecondHostAnswers()
    {
        await using var second = Start("127.0.0.3", ["CNODE1=on"]);
        ProcessResult r = await Run([Dead, "127.0.0.3"], second.Port, "-o", "off", "-n", "CNODE1", "-v");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(second.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(r.Stderr, Does.Contain($"Unable to connect to {Dead}:{second.Port}: connection refused; trying the next SMAPI host"));
        Assert.That(r.Stderr, Does.Contain($"Image_Deactivate CNODE1 answered by 127.0.0.3:{second.Port}"));
    }

    /// <summary>
    /// A host that could not be reached is paid for once per run, not at every exchange: a member that
    /// never answers the connect would otherwise cost a whole shell_timeout at each status poll.
    /// </summary>
    [Test]
    public async Task AHostThatCouldNotBeReachedIsNotAskedFirstAgainInTheRun()
    {
        await using var second = Start("127.0.0.3", ["CNODE1=on"]);
        ProcessResult r = await Run([Dead, "127.0.0.3"], second.Port, "-o", "reboot", "-n", "CNODE1", "-v");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        Assert.That(r.StderrLines.Count(l => l.Contains("trying the next SMAPI host", StringComparison.Ordinal)), Is.EqualTo(1), r.ToString());
    }

    [Test]
    public async Task NotAuthorizedOnTheFirstHostIsFinal()
    {
        await using var first = Start("127.0.0.2", ["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Image_Status_Query"]);
        await using var second = Start("127.0.0.3", ["CNODE1=on"], port: first.Port);
        ProcessResult r = await Run(["127.0.0.2", "127.0.0.3"], first.Port, "-o", "off", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Image_Deactivate: RC 100 RS 16"));
        Assert.That(second.Guest("CNODE1").Deactivations, Is.EqualTo(0), "the second host must not be asked");
        Assert.That(first.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task ServerErrorOnTheFirstHostMovesOn()
    {
        await using var first = Start("127.0.0.2", ["CNODE1=on"], faults: ["rc:900/99"]);
        await using var second = Start("127.0.0.3", ["CNODE1=off"], port: first.Port);
        ProcessResult r = await Run(["127.0.0.2", "127.0.0.3"], first.Port, "-o", "status", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((2, "Status: OFF\n")), r.ToString());
        Assert.That(r.Stderr, Does.Contain("RC 900 RS 99: system changed during the call; reissue it; trying the next SMAPI host"));
    }

    [Test]
    public async Task ServerErrorOnTheLastHostIsReported()
    {
        await using var only = Start("127.0.0.2", ["CNODE1=on"], faults: ["rc:900/99"]);
        ProcessResult r = await Run(["127.0.0.2"], only.Port, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Image_Status_Query: RC 900 RS 99"));
    }

    [Test]
    public async Task AllHostsDownFails()
    {
        await using var sim = Start("127.0.0.2", ["CNODE1=on"]);
        ProcessResult r = await Run([Dead, "127.0.0.10"], sim.Port, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain($"ERROR: Unable to connect/login to fencing device: Unable to connect to 127.0.0.10:{sim.Port}: connection refused"));
    }

    private static SimulatorHost Start(string address, string[] guests, string[]? users = null, string[]? faults = null, int port = 0) =>
        SimulatorHost.Start(guests, users, faults, listen: new IPEndPoint(IPAddress.Parse(address), port));

    private static Task<ProcessResult> Run(string[] hosts, int port, params string[] rest) =>
        AgentProcess.RunAsync([
            "--disable-ssl", "-a", string.Join(",", hosts), "-u", port.ToString(CultureInfo.InvariantCulture),
            "-l", SimulatorHost.User, "-p", SimulatorHost.Password, .. rest]);
}
