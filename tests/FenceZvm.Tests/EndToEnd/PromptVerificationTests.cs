using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>
/// The default status schedule against the simulator: success only after the guest really changed
/// (the simulator records when), at most 10 status calls per second of waiting, quick polls (more calls
/// than a 1 s sleep would send), and a given stonith_status_sleep used exactly.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class PromptVerificationTests
{
    private const string Guest = "CNODE1";

    [TestCase(700)]
    [TestCase(1300)]
    public async Task OffReportsOnlyAfterTheRealLogoffAndPollsQuicklyButAtMostTenTimesASecond(int delayMilliseconds)
    {
        var delay = TimeSpan.FromMilliseconds(delayMilliseconds);
        await using var sim = SimulatorHost.Start([Guest + "=on"], deactivateDelay: delay);

        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "off", "-n", Guest);
        DateTimeOffset exited = DateTimeOffset.UtcNow;

        GuestSnapshot guest = sim.Guest(Guest);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(exited, Is.GreaterThan(guest.LogoffTime ?? DateTimeOffset.MaxValue), "reported before the guest went off");
        DateTimeOffset requested = guest.LogoffTime!.Value - delay;
        AssertGentleButQuick(guest.StatusQueries - 1, exited - requested, delay);
    }

    [Test]
    public async Task OnReportsOnlyAfterTheRealLogon()
    {
        var delay = TimeSpan.FromMilliseconds(900);
        await using var sim = SimulatorHost.Start([Guest + "=off"], activateDelay: delay);

        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "on", "-n", Guest);
        DateTimeOffset exited = DateTimeOffset.UtcNow;

        GuestSnapshot guest = sim.Guest(Guest);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered ON\n")), r.ToString());
        Assert.That(exited, Is.GreaterThan(guest.LogonTime ?? DateTimeOffset.MaxValue), "reported before the guest was on");
        AssertGentleButQuick(guest.StatusQueries - 1, exited - (guest.LogonTime!.Value - delay), delay);
    }

    [Test]
    public async Task RebootWaitsForTheRealLogoffThenForTheRealLogonOnTheSameSchedule()
    {
        var delay = TimeSpan.FromMilliseconds(800);
        await using var sim = SimulatorHost.Start([Guest + "=on"], deactivateDelay: delay, activateDelay: delay);

        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "reboot", "-n", Guest);
        DateTimeOffset exited = DateTimeOffset.UtcNow;

        GuestSnapshot guest = sim.Guest(Guest);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Rebooted\n")), r.ToString());
        Assert.That(guest.LogonTime! - delay, Is.GreaterThan(guest.LogoffTime ?? DateTimeOffset.MaxValue), "activated before the guest was off");
        Assert.That(exited, Is.GreaterThan(guest.LogonTime ?? DateTimeOffset.MaxValue), "reported before the guest was on again");
        AssertGentleButQuick(guest.StatusQueries - 1, exited - (guest.LogoffTime!.Value - delay), 2 * delay);
    }

    [Test]
    public async Task UnderPacemakerWithoutADeadlineTheScheduleIsTheSame()
    {
        var delay = TimeSpan.FromMilliseconds(1300);
        await using var sim = SimulatorHost.Start([Guest + "=on"], deactivateDelay: delay);
        string stdin = $"action=off\nip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\nport={Guest}\n";

        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin, new Dictionary<string, string> { ["PCMK_service"] = "pacemaker-fenced" });
        DateTimeOffset exited = DateTimeOffset.UtcNow;

        GuestSnapshot guest = sim.Guest(Guest);
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(exited, Is.GreaterThan(guest.LogoffTime ?? DateTimeOffset.MaxValue));
        AssertGentleButQuick(guest.StatusQueries - 1, exited - (guest.LogoffTime!.Value - delay), delay);
    }

    [TestCase("--stonith-status-sleep", "1")]
    [TestCase("stdin", "1")]
    public async Task AGivenStatusSleepIsUsedExactly(string how, string seconds)
    {
        // 1.3 s deactivation, 1 s apart: calls at 0, 1 and 2 s after the request, as upstream.
        await using var sim = SimulatorHost.Start([Guest + "=on"], deactivateDelay: TimeSpan.FromMilliseconds(1300));
        ProcessResult r = how == "stdin"
            ? await AgentProcess.RunWithStdinAsync($"action=off\nip=127.0.0.1\nipport={sim.Port}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={SimulatorHost.Password}\nport={Guest}\nstonith_status_sleep={seconds}\n")
            : await AgentProcess.RunAsync(sim, "-o", "off", "-n", Guest, how, seconds);

        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(sim.Guest(Guest).StatusQueries - 1, Is.EqualTo(3));
    }

    /// <summary>
    /// At most 10 status calls per second of waiting (from the request to the agent's exit), yet more than a
    /// 1 s sleep would have sent before the change at <paramref name="change"/>.
    /// </summary>
    private static void AssertGentleButQuick(int calls, TimeSpan waited, TimeSpan change)
    {
        Assert.That(calls, Is.LessThanOrEqualTo(10 * waited.TotalSeconds), $"{calls} status calls in {waited.TotalSeconds:0.000} s of waiting");
        Assert.That(calls, Is.GreaterThan((int)change.TotalSeconds + 2), $"only {calls} status calls in {waited.TotalSeconds:0.000} s: not polling quickly");
    }
}
