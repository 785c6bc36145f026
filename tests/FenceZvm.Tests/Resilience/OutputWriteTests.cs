using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Resilience;

/// <summary>
/// Output goes out in as few writes as it can: the runtime's Console.Out cut it into 256-byte pieces, 48
/// write calls for -o metadata. To a pipe (as here) the pieces are PIPE_BUF long, the most a pipe is sure
/// to take without blocking (OutputFaultTests). Counted with strace, which is deterministic where a timing is not.
/// </summary>
public sealed class OutputWriteTests
{
    [Test]
    public async Task MetadataIsWrittenInPipeSizedPieces()
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
            const int PipeBuf = 4096;
            int bytes = System.Text.Encoding.UTF8.GetByteCount(r.Stdout);
            Assert.That(writes, Has.Length.EqualTo((bytes + PipeBuf - 1) / PipeBuf), string.Join('\n', writes.Select(w => w.Length > 80 ? w[..80] : w)));
        }
        finally
        {
            File.Delete(trace);
        }
    }
}
