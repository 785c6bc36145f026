using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>
/// Where ours deliberately differs from the upstream Python agent (each also listed in the README):
/// the test shows what upstream does and what we do instead.
/// </summary>
public sealed class DeliberateDifferenceTests
{
    [Test]
    public async Task SeveralPlugsWorkWhereUpstreamRejectsThem()
    {
        UpstreamAgent.RequireInstalled();
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=on"]);
        string[] arguments = [.. AgentProcess.Connection(sim), "-o", "off", "-n", "CNODE1,CNODE2"];

        ProcessResult upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, arguments);
        Assert.That(upstream.ExitCode, Is.EqualTo(1), "upstream checks 8 characters before splitting");
        Assert.That(upstream.Stderr, Does.Contain("Name of image can not be longer than 8 characters"));

        ProcessResult ours = await ProcessRunner.RunAsync(AgentProcess.Path, arguments);
        Assert.That((ours.ExitCode, ours.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), ours.ToString());
        Assert.That(sim.System.ActiveGuests(), Is.Empty);
    }

    [Test]
    public async Task RefusedDeactivationFailsAtOnceWithTheReasonWhereUpstreamWaitsForTheTimeout()
    {
        UpstreamAgent.RequireInstalled();
        string[] users = ["FENCEUSR:fence-pw1:Image_Status_Query"];
        ProcessResult upstream;
        await using (var sim = SimulatorHost.Start(["CNODE1=on"], users))
        {
            upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, [.. AgentProcess.Connection(sim), "-o", "off", "-n", "CNODE1", "--power-timeout", "3"]);
        }

        Assert.That(upstream.ExitCode, Is.EqualTo(1));
        Assert.That(upstream.Stderr, Does.Contain("Failed: Timed out waiting to power OFF"), "upstream ignores the return code and polls");
        Assert.That(upstream.Stderr, Does.Not.Contain("RC 100"));

        await using var ours = SimulatorHost.Start(["CNODE1=on"], users);
        ProcessResult r = await ProcessRunner.RunAsync(AgentProcess.Path, [.. AgentProcess.Connection(ours), "-o", "off", "-n", "CNODE1", "--power-timeout", "3"]);
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stderr, Does.Contain("Image_Deactivate: RC 100 RS 16: not authorized by the server"));
        Assert.That(ours.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task FragmentedResponsesWorkWhereUpstreamFails()
    {
        UpstreamAgent.RequireInstalled();
        ProcessResult upstream;
        await using (var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["fragment"]))
        {
            upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, [.. AgentProcess.Connection(sim), "-o", "status", "-n", "CNODE1"]);
        }

        Assert.That(upstream.ExitCode, Is.Not.EqualTo(0), "upstream reads the 16-byte header with one recv");

        await using var ours = SimulatorHost.Start(["CNODE1=on"], faults: ["fragment"]);
        ProcessResult r = await ProcessRunner.RunAsync(AgentProcess.Path, [.. AgentProcess.Connection(ours), "-o", "status", "-n", "CNODE1"]);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
    }

    /// <summary>
    /// Upstream declares the password's length in characters and sends its UTF-8 bytes cut to that length, so the
    /// server reads a garbled request; ours refuses it before connecting, with the reason, against a live server.
    /// </summary>
    [Test]
    public async Task NonAsciiPasswordIsRejectedWhereUpstreamTruncatesIt()
    {
        UpstreamAgent.RequireInstalled();
        const string password = "pässwörd";
        await using var sim = SimulatorHost.Start(["CNODE1=on"], [$"{SimulatorHost.User}:{password}"]);
        string[] arguments = [.. AgentProcess.Connection(sim, password: password), "-o", "off", "-n", "CNODE1", "--power-timeout", "2"];

        ProcessResult upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, arguments);
        Assert.That(upstream.ExitCode, Is.EqualTo(1), upstream.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On), "the server could not read upstream's request");

        ProcessResult r = await ProcessRunner.RunAsync(AgentProcess.Path, arguments);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.StderrLines[0], Does.EndWith(" ERROR: Failed: The password from --password contains a character that the ascii SMAPI encoding cannot carry"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain(password));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    [TestCase("off", "Success: Already OFF\n")]
    [TestCase("reboot", "Success: Rebooted\n")]
    [TestCase("status", "Status: OFF\n")]
    public async Task AnUndefinedGuestFailsWhereUpstreamReportsItOff(string action, string upstreamStdout)
    {
        UpstreamAgent.RequireInstalled();
        string[] arguments = ["-o", action, "-n", "NOSUCH", "--power-timeout", "2"];
        ProcessResult upstream;
        await using (var sim = SimulatorHost.Start(["CNODE1=on"]))
        {
            upstream = await ProcessRunner.RunAsync(UpstreamAgent.Path, [.. AgentProcess.Connection(sim), .. arguments]);
        }

        Assert.That(upstream.Stdout, Is.EqualTo(upstreamStdout), "upstream forces missing_as_off: Image_Status_Query says 0/12 for an undefined guest too");
        Assert.That(upstream.ExitCode, Is.Not.EqualTo(1));

        await using var ours = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await ProcessRunner.RunAsync(AgentProcess.Path, [.. AgentProcess.Connection(ours), .. arguments]);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined on the z/VM system"));
    }
}
