using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Connection;

/// <summary>
/// The server acknowledged a deactivation (response 1), did the work, and the connection dropped
/// before response 2: the agent asks for the response with Response_Recovery, or verifies by status,
/// and never sends the deactivation again.
/// </summary>
public sealed class LostResponseTests
{
    [Test]
    public async Task DroppedResponseIsRecoveredWithoutASecondDeactivate()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["drop-after-work@Image_Deactivate*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "-v");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(1));
        Assert.That(r.Stderr, Does.Contain("asking 127.0.0.1:" + sim.Port + " for the response with Response_Recovery"));
        Assert.That(r.Stderr, Does.Match(@"Recovered the response to request \d+: Image_Deactivate: RC 0 RS 0"));
    }

    [Test]
    public async Task RecoveryIsTriedAgainWhenTheFirstAttemptFails()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["drop-after-work@Image_Deactivate*1", "close-before-request-id@Response_Recovery*1", "rc:4/4@Response_Recovery*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "-v");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(1));
        Assert.That(r.Stderr, Does.Match(@"Recovered the response to request \d+: Image_Deactivate: RC 0 RS 0"), "third attempt, after a lost connection and a 'no data'");
        Assert.That(r.Stderr, Does.Not.Contain("verifying by status instead"));
    }

    [Test]
    public async Task UnrecoverableResponseFallsBackToStatusVerification()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["drop-after-work@Image_Deactivate*1", "rc:4/4@Response_Recovery"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(1), "never sent twice");
        Assert.That(r.Stderr, Does.Contain("Response_Recovery: RC 4 RS 4: request does not exist"));
        Assert.That(r.Stderr, Does.Contain("verifying by status instead of sending it again"));
    }

    [Test]
    public async Task SilenceAfterTheAcknowledgementIsVerifiedByStatusAndBounded()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["silence-after-request-id@Image_Deactivate*1"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", "CNODE1", "--shell-timeout", "1", "--power-timeout", "3", "-v");
        Assert.That(r.ExitCode, Is.EqualTo(1), "the silent server did nothing, so the guest stays on: " + r);
        Assert.That(r.Stdout, Does.Not.Contain("Success"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On), "the deactivation was never sent again");

        // Only an acknowledged request has an id to recover; the server does not know it, so status decides.
        Assert.That(r.Stderr, Does.Contain("asking 127.0.0.1:" + sim.Port + " for the response with Response_Recovery"), r.ToString());
        Assert.That(r.Stderr, Does.Contain("verifying by status instead of sending it again"), r.ToString());
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "hang guard");
    }
}
