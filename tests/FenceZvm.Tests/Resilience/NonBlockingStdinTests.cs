using System.Globalization;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// A caller whose event loop made its end of the stdin pipe non-blocking (O_NONBLOCK belongs to the pipe,
/// so the agent inherits it): a read before the options arrive finds no data yet (EAGAIN), which is not
/// the end of the input. The agent waits for the input as with a blocking stdin.
/// </summary>
public sealed class NonBlockingStdinTests
{
    private const string Perl = "/usr/bin/perl";

    [Test]
    public async Task OptionsThatArriveLate_OnANonBlockingStdin_AreRead()
    {
        if (!File.Exists(Perl))
        {
            Assert.Ignore("perl makes the agent's stdin non-blocking here: apt-get install perl-base");
        }

        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        string options = $"action=off\\nip=127.0.0.1\\nipport={sim.Port.ToString(CultureInfo.InvariantCulture)}\\ndisable_ssl=1\\nusername={SimulatorHost.User}\\npassword={SimulatorHost.Password}\\nport=CNODE1\\n";
        string script = $"{{ sleep 0.5; printf '{options}'; }} | {Perl} -MFcntl -e 'fcntl(STDIN, F_SETFL, O_NONBLOCK) or die \"fcntl: $!\"; exec @ARGV or die \"exec: $!\"' \"$0\"";

        ProcessResult r = await ProcessRunner.RunAsync("/bin/sh", ["-c", script, AgentProcess.Path]);

        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }
}
