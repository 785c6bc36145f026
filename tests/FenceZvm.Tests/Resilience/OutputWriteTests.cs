using FenceZvm.Simulator.Model;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// How output leaves the agent: in whole writes (the runtime's Console.Out cut it into 256-byte pieces,
/// 48 write calls for -o metadata where one does), waiting for a slow reader, and giving up a reader that
/// stopped, so that output never holds up a fence. Write calls are counted with strace; the pipes are set
/// up by a small Python harness (Python comes with fence-agents), as .NET cannot size a pipe.
/// </summary>
public sealed class OutputWriteTests
{
    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// Runs the command with stdout and stderr on pipes of 4 KB (the smallest) that are read only after
    /// <c>sys.argv[1]</c> seconds (never, if negative); the first with O_NONBLOCK set as some callers hand
    /// it over. Prints "EXIT SECONDS STDOUT-BYTES", EXIT "hung" if the command ran 60 s.
    /// </summary>
    private const string PipeHarness = """
        import fcntl, os, subprocess, sys, time
        delay = float(sys.argv[1])
        pipes = [os.pipe() for _ in range(2)]
        for r, w in pipes:
            fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
        w = pipes[0][1]
        fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
        started = time.monotonic()
        command = subprocess.Popen(sys.argv[2:], stdout=pipes[0][1], stderr=pipes[1][1])
        for r, w in pipes:
            os.close(w)
        try:
            if delay >= 0:
                time.sleep(delay)
                out = b""
                while chunk := os.read(pipes[0][0], 65536):
                    out += chunk
            exit = command.wait(timeout=60)
        except subprocess.TimeoutExpired:
            command.kill()
            exit = "hung"
        if delay < 0:
            out = os.read(pipes[0][0], 1 << 20)
        sys.stdout.write(f"{exit} {time.monotonic() - started:.1f} {len(out)}")
        """;

    [Test]
    public async Task MetadataIsWrittenInOneCall()
    {
        const string Strace = "/usr/bin/strace";
        if (!File.Exists(Strace))
        {
            Assert.Ignore("strace is not installed: apt-get install strace (./build.sh test does as root)");
        }

        string trace = Path.Combine(Path.GetTempPath(), $"fence-zvm-writes-{Guid.NewGuid():N}.txt");
        try
        {
            ProcessResult r = await ProcessRunner.RunAsync(Strace, ["-f", "-e", "trace=write", "-o", trace, RepoPaths.Binary("fence_zvmip"), "-o", "metadata"]);

            Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
            Assert.That(r.Stdout, Does.StartWith("<?xml").And.EndWith("</resource-agent>\n"));
            string[] writes = File.ReadAllLines(trace).Where(line => line.Contains(" write(", StringComparison.Ordinal)).ToArray();
            Assert.That(writes, Has.Length.EqualTo(1), string.Join('\n', writes.Select(w => w.Length > 80 ? w[..80] : w)));
        }
        finally
        {
            File.Delete(trace);
        }
    }

    /// <summary>
    /// With a 4 KB non-blocking pipe that nobody reads for half a second, the 12 KB of metadata does not
    /// fit: the agent waits for room and loses nothing.
    /// </summary>
    [Test]
    public async Task ANonBlockingStdoutPipeSmallerThanTheOutputGetsAllOfIt()
    {
        ProcessResult expected = await AgentProcess.RunAsync("-o", "metadata");

        string[] result = await RunWithPipesAsync(0.5, "-o", "metadata");

        Assert.That(expected.Stdout.Length, Is.GreaterThan(8192), "the metadata no longer needs three writes into the pipe");
        Assert.That(result[0], Is.EqualTo("0"));
        Assert.That(result[2], Is.EqualTo(expected.Stdout.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// A caller that stopped reading: stdout and stderr are 4 KB pipes nobody reads, and -v -v logs
    /// every frame while the agent waits 3 s for the guest to go off, far more than fits. Each stream is
    /// given up after 5 s without room; the fence is carried out and reported by the exit code. Console.Error
    /// blocked on the full pipe for good, past the power timeout.
    /// </summary>
    [Test]
    public async Task OutputNobodyReadsDoesNotHoldUpTheFence()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], deactivateDelay: TimeSpan.FromSeconds(3));

        string[] result = await RunWithPipesAsync(-1, [.. AgentProcess.Connection(sim), "-o", "off", "-n", "CNODE1", "-v", "-v"]);

        Assert.That(result[0], Is.EqualTo("0"), string.Join(' ', result));
        Assert.That(sim.Guest("CNODE1").State, Is.EqualTo(GuestState.Off));
    }

    private static async Task<string[]> RunWithPipesAsync(double readAfterSeconds, params string[] agentArguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore("python3 is not installed (it comes with fence-agents, which ./build.sh test installs as root)");
        }

        string delay = readAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ProcessResult r = await ProcessRunner.RunAsync(Python, ["-c", PipeHarness, delay, AgentProcess.Path, .. agentArguments], timeout: TimeSpan.FromSeconds(90));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        return r.Stdout.Split(' ');
    }
}
