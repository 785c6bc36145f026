using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// Output goes out in whole writes: the runtime's Console.Out cut it into 256-byte pieces, 48 write
/// calls for -o metadata where one does. Counted with strace, which is deterministic where a timing is not.
/// </summary>
public sealed class OutputWriteTests
{
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
    /// A caller may hand over its pipe non-blocking. With a 4 KB pipe that nobody reads for half a second,
    /// the 12 KB of metadata meets EAGAIN twice: the agent waits for room each time and loses nothing.
    /// </summary>
    [Test]
    public async Task ANonBlockingStdoutPipeSmallerThanTheOutputGetsAllOfIt()
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python))
        {
            Assert.Ignore("python3 is not installed (it comes with fence-agents, which ./build.sh test installs as root)");
        }

        const string Harness = """
            import fcntl, os, subprocess, sys, time
            r, w = os.pipe()
            fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
            fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
            agent = subprocess.Popen(sys.argv[1:], stdout=w)
            os.close(w)
            time.sleep(0.5)
            data = b""
            while chunk := os.read(r, 65536):
                data += chunk
            sys.stdout.write(f"{agent.wait()} {len(data)}")
            """;

        ProcessResult expected = await ProcessRunner.RunAsync(RepoPaths.Binary("fence_zvmip"), ["-o", "metadata"]);
        ProcessResult r = await ProcessRunner.RunAsync(Python, ["-c", Harness, RepoPaths.Binary("fence_zvmip"), "-o", "metadata"]);

        Assert.That(expected.Stdout.Length, Is.GreaterThan(8192), "the metadata no longer needs three writes into the pipe");
        Assert.That(r.Stdout, Is.EqualTo($"0 {expected.Stdout.Length}"), r.ToString());
    }
}
