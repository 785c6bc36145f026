using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// A host out of resources (a descriptor limit the runtime's own sockets and pipes do not fit in) fails the
/// run as any other failure: one log line and exit 1, never a runtime crash with a stack trace (exit 134,
/// SIGABRT, a core dump), and never a fence reported that did not happen.
/// </summary>
public sealed class ResourceLimitTests
{
    // 4: the runtime's signal pipe cannot open; 5 and 6: the first socket of the run finds no descriptor left.
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public async Task DescriptorLimitTooLow_FailsWithOneLine(int limit)
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);

        // A descriptor below the limit that the test host leaves open would take a place: closed first.
        ProcessResult off = await Shell.RunAgentAfterAsync(
            sim, $"exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- && ulimit -n {limit}", string.Empty, "-o", "off", "-n", "CNODE1");

        Assert.That(off.ExitCode, Is.EqualTo(1), off.ToString());
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.On));
        Assert.That(off.Stderr, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), off.ToString());
        Assert.That(off.Stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1).And.All.Contain("ERROR: "), off.ToString());
    }

    /// <summary>
    /// A file size limit (ulimit -f, a unit's LimitFSIZE) that the debug file reaches: the write fails
    /// and the file is given up, as upstream's Python does (it ignores SIGXFSZ), instead of the signal
    /// ending the run wherever it is (exit 153).
    /// </summary>
    [Test]
    public async Task FileSizeLimitReachedByTheDebugFile_StillFences()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        string debugFile = Path.Combine(Path.GetTempPath(), $"fence-zvm-fsize-{Guid.NewGuid():N}.log");
        try
        {
            ProcessResult off = await Shell.RunAgentAfterAsync(sim, "ulimit -f 1", string.Empty, "-o", "off", "-n", "CNODE1", "-vvv", "-D", debugFile);

            Assert.That((off.ExitCode, off.Stdout), Is.EqualTo((0, "Success: Powered OFF\n")), off.ToString());
            Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
            Assert.That(off.StderrLines.Count(l => l.Contains("Unable to write debug file", StringComparison.Ordinal)), Is.EqualTo(1), off.ToString());
        }
        finally
        {
            File.Delete(debugFile);
        }
    }
}
