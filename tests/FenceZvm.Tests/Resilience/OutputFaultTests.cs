using FenceZvm.Agent.ProcessIo;
using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// A closed or full stdout never crashes the agent (issue 19 row 8): the fence happens and the exit
/// code still tells the caller whether it did.
/// </summary>
public sealed class OutputFaultTests
{
    [TestCase(">&-")]
    [TestCase(">/dev/full")]
    [TestCase(">&- 2>&-")]
    [TestCase("<&- >&- 2>&-")]
    public async Task UnwritableStdout_StillFences_WithTheExitCodeOfTheResult(string redirection)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        ProcessResult off = await Shell.RunAgentAsync(sim, redirection, "-o", "off", "-n", "CNODE1");

        Assert.That(off.ExitCode, Is.EqualTo(0), off.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
        Assert.That(off.Stderr, Does.Not.Contain("Unhandled exception"));
    }

    [TestCase(">&-")]
    [TestCase(">/dev/full")]
    public async Task UnwritableStdout_KeepsTheExitCodesOfStatusAndFailure(string redirection)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"]);

        Assert.That((await Shell.RunAgentAsync(sim, redirection, "-o", "status", "-n", "CNODE1")).ExitCode, Is.EqualTo(0));
        Assert.That((await Shell.RunAgentAsync(sim, redirection, "-o", "status", "-n", "CNODE2")).ExitCode, Is.EqualTo(2));
        Assert.That((await Shell.RunAgentAsync(sim, redirection, "-o", "off", "-n", "CNODE1", "-p", "wrong-pw")).ExitCode, Is.EqualTo(1));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    /// <summary>A stderr nobody reads (OutputWriteTests) is given up without changing the exit code of a failure.</summary>
    [Test]
    public async Task StderrNobodyReads_KeepsTheExitCodeOfAFailure()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        ProcessResult off = await Shell.RunAgentAfterAsync(sim, Shell.StalledPipeOnFd3, "2>&3", "-o", "off", "-n", "CNODE1", "-p", "wrong-pw");

        Assert.That(off.ExitCode, Is.EqualTo(1), off.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
    }

    /// <summary>
    /// Where the output is the result (a list, the metadata), a stdout that could not take it fails the
    /// run: exit 0 with a list cut short would tell pacemaker the device fences fewer guests (upstream
    /// exits 1 too). A stdout the caller closed is its own choice, and still exit 0.
    /// </summary>
    [TestCase(">/dev/full", "list", 1)]
    [TestCase(">/dev/full", "list-status", 1)]
    [TestCase(">/dev/full", "metadata", 1)]
    [TestCase(">&3", "list", 1)]
    [TestCase(">&-", "list", 0)]
    [TestCase(">&-", "metadata", 0)]
    public async Task OutputThatIsTheResult_FailsWhenStdoutCannotTakeIt(string redirection, string action, int exitCode)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on", "CNODE2=off"]);

        ProcessResult r = await Shell.RunAgentAfterAsync(sim, Shell.StalledPipeOnFd3, redirection, "-o", action);

        Assert.That(r.ExitCode, Is.EqualTo(exitCode), r.ToString());
    }

    /// <summary>
    /// A closed stdout or stderr stays closed for everything else too: its number was taken by the
    /// runtime's signal pipe, so -D /dev/stdout wrote the debug lines into that pipe, whose reader takes
    /// each byte for a signal number (the agent ended on "real-time signal 16", before the fence).
    /// </summary>
    [TestCase(">&-", "/dev/stdout")]
    [TestCase("2>&-", "/dev/stderr")]
    [TestCase("<&- >&- 2>&-", "/dev/stdout")]
    public async Task ClosedStreamNamedAsTheDebugFile_StillFences(string redirection, string debugFile)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        ProcessResult off = await Shell.RunAgentAsync(sim, redirection, "-o", "off", "-n", "CNODE1", "-v", "-D", debugFile);

        Assert.That(off.ExitCode, Is.EqualTo(0), off.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    [Test]
    public void BestEffortWriter_GivesUpAtTheFirstFailure()
    {
        var inner = new FailingWriter();
        var writer = new BestEffortWriter(inner);

        Assert.DoesNotThrow(() =>
        {
            writer.WriteLine("Success: Powered OFF");
            writer.Write('x');
            writer.Flush();
        });
        Assert.That(writer.Broken, Is.True);
        Assert.That(inner.Attempts, Is.EqualTo(1), "nothing is written after the first failure");
    }

    private sealed class FailingWriter : TextWriter
    {
        public int Attempts { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Fail();

        public override void Write(string? value) => Fail();

        public override void WriteLine(string? value) => Fail();

        public override void Flush() => Fail();

        private void Fail()
        {
            Attempts++;
            throw new UnauthorizedAccessException("Bad file descriptor");
        }
    }
}
