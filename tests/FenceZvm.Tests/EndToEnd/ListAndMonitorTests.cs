using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

public sealed class ListAndMonitorTests
{
    [Test]
    public async Task ListPrintsEveryDefinedGuestWithAnEmptyAlias()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off", "CMANAGER=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "list");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.StdoutLines, Is.EquivalentTo(new[] { "CNODE1,", "CNODE2,", "CMANAGER," }));
    }

    [Test]
    public async Task ListStatusPrintsLowerCaseStates()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "list-status");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.StdoutLines, Is.EquivalentTo(new[] { "CNODE1,,on", "CNODE2,,off" }));
    }

    [Test]
    public async Task ListUsesTheSeparatorOption()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "list-status", "-C", ";");
        Assert.That(r.StdoutLines, Is.EqualTo(new[] { "CNODE1;;on" }));
    }

    [Test]
    public async Task MonitorWithGoodCredentialsPrintsNothingAndExitsZero()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "monitor");
        Assert.That((r.ExitCode, r.Stdout, r.Stderr), Is.EqualTo((0, string.Empty, string.Empty)));
    }

    [Test]
    public async Task MonitorWithBadPasswordFails()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync([.. AgentProcess.Connection(sim, password: "bad"), "-o", "monitor"]);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Unable to connect/login to fencing device: Check_Authentication: RC 120 RS 0"));
    }

    [Test]
    public async Task ValidateAllContactsNothing()
    {
        ProcessResult r = await AgentProcess.RunAsync("-o", "validate-all", "-a", "192.0.2.1", "-l", "U", "-p", "P", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout, r.Stderr), Is.EqualTo((0, string.Empty, string.Empty)));
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }
}
