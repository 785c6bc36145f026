using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

public sealed class StatusTests
{
    [Test]
    public async Task ActiveGuestIsOnWithExitZero()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Status: ON\n"));
        Assert.That(r.Stderr, Is.Empty);
    }

    [Test]
    public async Task InactiveGuestIsOffWithExitTwo()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Status: OFF\n"));
    }

    [Test]
    public async Task LowerCaseTargetIsUpperCasedOnTheWire()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "cnode1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
    }

    [Test]
    public async Task UnknownGuestFailsAlthoughSmapiSaysNotActive()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "NOSUCH");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined").And.Contain("directory's list of images"));
    }

    [Test]
    public async Task UnknownGuestReportsOffWithMissingAsOff()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "NOSUCH", "--missing-as-off");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((2, "Status: OFF\n")), r.ToString());
    }

    [Test]
    public async Task WrongPasswordFailsWithDecodedReturnCode()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync([.. AgentProcess.Connection(sim, password: "wrong-pw"), "-o", "status", "-n", "CNODE1"]);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.StderrLines, Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR: Unable to connect/login to fencing device: Image_Status_Query: RC 120 RS 0: authentication error"));
        Assert.That(r.Stderr, Does.Not.Contain("wrong-pw"));
    }

    [Test]
    public async Task UserNotAuthorizedForStatusFailsWithRc100Rs16()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Check_Authentication"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Failed: Unable to obtain correct plug status or plug is not available: Image_Status_Query: RC 100 RS 16: not authorized by the server"));
    }

    [Test]
    public async Task NothingListeningFailsAsUnableToConnect()
    {
        int port;
        await using (var sim = SimulatorHost.Start(["CNODE1=on"]))
        {
            port = sim.Port;
        }

        ProcessResult r = await AgentProcess.RunAsync("--disable-ssl", "-a", "127.0.0.1", "-u", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", "U", "-p", "P", "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Unable to connect/login to fencing device: Unable to connect to 127.0.0.1:" + port + ": connection refused"));
    }
}
