using System.Globalization;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

/// <summary>Options as fenced and pacemaker-fenced send them: key=value lines on stdin, no arguments.</summary>
public sealed class StdinTests
{
    [Test]
    public async Task PacemakerFencedStdinFencesTheNode()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        string stdin = $"""
            nodename=cnode1
            ip=127.0.0.1
            ipport={Port(sim)}
            disable_ssl=1
            action=off
            username={SimulatorHost.User}
            port=CNODE1
            password={SimulatorHost.Password}

            """;
        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin, new Dictionary<string, string> { ["PCMK_service"] = "pacemaker-fenced" });
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Success: Powered OFF\n"));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public async Task LastOfPortAndPlugWinsAsPacemakerSendsBoth()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=on"]);
        string stdin = Common(sim) + "action=off\nport=CNODE2\nplug=CNODE1\n";
        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(sim.Guest("CNODE2").State, Is.EqualTo(GuestState.On));
    }

    [Test]
    public async Task DeprecatedNamesCommentsQuotesAndUnknownKeys()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        string stdin = $"""
            # a comment
            agent=fence_zvmip
            ipaddr="127.0.0.1"
            ipport={Port(sim)}
            disable-ssl=yes
            login={SimulatorHost.User}
            passwd="{SimulatorHost.Password}"
            option=status
            port=CNODE2
            colour=blue
            """;
        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Status: OFF\n"));
        Assert.That(r.Stderr, Does.Contain("WARNING: Parse error: Ignoring unknown option 'colour=blue'"));
        Assert.That(r.StderrLines, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task PasswordContainingEqualsSignsSurvives()
    {
        const string password = "a=b=c";
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: [$"FENCEUSR:{password}"]);
        string stdin = Common(sim, password) + "action=monitor\n";
        ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
    }

    [Test]
    public async Task PasswordScriptProvidesThePassword()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        string script = Path.Combine(Path.GetTempPath(), $"fence-zvm-pw-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\necho '{SimulatorHost.Password}'\necho second-line\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            string stdin = $"ip=127.0.0.1\nipport={Port(sim)}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword_script={script}\naction=status\nport=CNODE1\n";
            ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin);
            Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((0, "Status: ON\n")), r.ToString());
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Test]
    public async Task PasswordScriptOutputThatAsciiCannotCarryIsRefusedBeforeContact()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        string script = Path.Combine(Path.GetTempPath(), $"fence-zvm-pw-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'pässwört'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            string stdin = $"ip=127.0.0.1\nipport={Port(sim)}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword_script={script}\naction=off\nport=CNODE1\n";
            ProcessResult r = await AgentProcess.RunWithStdinAsync(stdin);
            Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
            Assert.That(r.Stderr, Does.Contain("ERROR: Failed: The password from the password script contains a character that the ascii SMAPI encoding cannot carry"));
            Assert.That(r.Stderr, Does.Not.Contain("pässwört"));
            Assert.That(sim.Guest("CNODE1").Deactivations, Is.EqualTo(0));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Test]
    public async Task MissingAddressOnStdinIsAValidationFailure()
    {
        ProcessResult r = await AgentProcess.RunWithStdinAsync("action=off\nusername=U\npassword=P\nport=CNODE1\n");
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.StderrLines, Has.Length.EqualTo(2));
        Assert.That(r.StderrLines[0], Does.EndWith("ERROR: Failed: You have to enter fence address"));
        Assert.That(r.StderrLines[1], Does.EndWith("ERROR: Please use '-h' for usage"));
    }

    private static string Port(SimulatorHost sim) => sim.Port.ToString(CultureInfo.InvariantCulture);

    private static string Common(SimulatorHost sim, string password = SimulatorHost.Password) =>
        $"ip=127.0.0.1\nipport={Port(sim)}\ndisable_ssl=1\nusername={SimulatorHost.User}\npassword={password}\n";
}
