using System.Globalization;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.Secrets;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// Issue 19 row 10: a password script, and everything it started, is ended when the agent is
/// interrupted or the script's time runs out.
/// </summary>
public sealed class PasswordScriptEndTests
{
    [Test]
    public async Task Sigterm_EndsTheScriptsWholeProcessGroup()
    {
        using var script = new HangingScript();
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        // Output is not captured: a script left running would hold the pipes open, and reading them would wait for it.
        await using var agent = ProcessRunner.Start(
            AgentProcess.Path,
            ["--disable-ssl", "-a", "127.0.0.1", "-u", sim.Port.ToString(CultureInfo.InvariantCulture), "-l", SimulatorHost.User, "-S", script.Path, "-o", "status", "-n", "CNODE1"],
            captureOutput: false);
        int[] pids = await script.StartedAsync();

        Assert.That(Signals.Terminate(agent.Pid), Is.True);
        Assert.That(await agent.WaitForExitAsync(TimeSpan.FromSeconds(20)), Is.True, "SIGTERM was ignored");

        await HangingScript.AssertEndedAsync(pids);
        Assert.That(agent.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task Timeout_EndsTheScriptsWholeProcessGroup()
    {
        using var script = new HangingScript();
        Task<string> run = PasswordScript.RunAsync(script.Path, CancellationToken.None, TimeSpan.FromSeconds(2));
        int[] pids = await script.StartedAsync();

        Assert.That(async () => await run, Throws.TypeOf<FenceFailure>().With.Message.Contain("did not finish within 2 s"));
        await HangingScript.AssertEndedAsync(pids);
    }

    /// <summary>
    /// Output without a line end is read up to a bound, not into memory until the script's time runs out
    /// (cat /dev/zero took the agent to 3 GB in 8 s). Here 50 MB of NULs, which the test host can hold if
    /// the bound is gone.
    /// </summary>
    [Test]
    public void ScriptWhoseFirstLineHasNoEnd_IsStoppedAtTheLineBound()
    {
        Task<string> run = PasswordScript.RunAsync("head -c 50000000 /dev/zero", CancellationToken.None);

        Assert.That(async () => await run, Throws.TypeOf<FenceFailure>().With.Message.Contain($"more than {PasswordScript.MaxLineChars} characters without a line end"));
    }

    /// <summary>A script that starts a background child, records both pids, and never prints a password.</summary>
    private sealed class HangingScript : IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("fence-zvm-pwscript-").FullName;

        public HangingScript()
        {
            Path = System.IO.Path.Combine(directory, "pw.sh");
            File.WriteAllText(Path, $"#!/bin/sh\nsleep 300 &\necho $! > {PidFile}.tmp\necho $$ >> {PidFile}.tmp\nmv {PidFile}.tmp {PidFile}\nsleep 300\necho never\n");
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        public string Path { get; }

        private string PidFile => System.IO.Path.Combine(directory, "pids");

        public static async Task AssertEndedAsync(int[] pids)
        {
            for (int i = 0; i < 100 && pids.Any(ProcessTree.Running); i++)
            {
                await Task.Delay(100);
            }

            Assert.That(pids.Where(ProcessTree.Running), Is.Empty, "processes of the password script still run");
        }

        public async Task<int[]> StartedAsync()
        {
            for (int i = 0; i < 200 && !File.Exists(PidFile); i++)
            {
                await Task.Delay(50);
            }

            return (await File.ReadAllLinesAsync(PidFile)).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        }

        public void Dispose() => Directory.Delete(directory, recursive: true);
    }
}
