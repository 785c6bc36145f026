using System.Globalization;
using System.Text.RegularExpressions;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Simulator;

/// <summary>The published smapi-sim command as a process.</summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class CommandTests
{
    private static readonly Lazy<string> Executable = new(() => RepoPaths.Binary("smapi-sim"));

    [Test]
    public async Task PrintsListeningLinesWritesThePortFileServesAndExitsZeroOnSigterm()
    {
        string portFile = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.port");
        await using BackgroundProcess process = ProcessRunner.Start(Executable.Value,
            ["--listen", "127.0.0.1:0", "--listen", "[::1]:0", "--port-file", portFile, "--guest", "CNODE1", "--user", "fence:secret"]);
        try
        {
            await process.WaitForStdoutAsync(lines => lines.Length >= 2, TimeSpan.FromSeconds(15));
            string? first = process.StdoutLines.ElementAtOrDefault(0);
            string? second = process.StdoutLines.ElementAtOrDefault(1);
            int port = int.Parse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture);
            var client = new SmapiClient(new TcpTransport("::1", int.Parse(ListeningPort().Match(second!).Groups[1].Value, CultureInfo.InvariantCulture)), new SmapiClientOptions());
            SmapiResponse status = client.Call(ImageStatusQuery.Function.Request(new SmapiCredentials("FENCE", "secret"), "CNODE1"));

            Signals.Terminate(process.Pid);
            Assert.That(await process.WaitForExitAsync(TimeSpan.FromSeconds(10)), Is.True, "smapi-sim did not exit on SIGTERM");

            Assert.That(first, Is.EqualTo($"listening tcp 127.0.0.1:{port}"));
            Assert.That(second, Does.Match(@"^listening tcp \[::1\]:\d+$"));
            Assert.That((status.ReturnCode, status.ReasonCode), Is.EqualTo((0, 0)));
            Assert.That(process.ExitCode, Is.Zero);
        }
        finally
        {
            File.Delete(portFile);
        }
    }

    [TestCase("--bogus")]
    [TestCase("--guest", "CNODE1")]
    [TestCase("--guest", "CNODE1", "--user", "FENCE")]
    [TestCase("--guest", "CNODE1", "--user", "FENCE:pw", "--fault", "explode")]
    [TestCase("--guest", "CNODE1", "--user", "FENCE:pw", "--listen", "nowhere")]
    [TestCase("--guest", "CNODE1", "--user", "FENCE:pw", "--encoding", "utf8")]
    [TestCase("--guest", "TOOLONGNAME", "--user", "FENCE:pw")]
    public async Task BadArgumentsExitNonZeroWithOneLine(params string[] arguments)
    {
        ProcessResult r = await ProcessRunner.RunAsync(Executable.Value, arguments, timeout: TimeSpan.FromSeconds(20));

        Assert.That(r.ExitCode, Is.Not.Zero);
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.StartWith("smapi-sim: ").And.Not.Contain("   at "));
    }

    [Test]
    public async Task HelpDocumentsTheFaultSyntax()
    {
        ProcessResult r = await ProcessRunner.RunAsync(Executable.Value, ["--help"], timeout: TimeSpan.FromSeconds(20));

        Assert.That(r.ExitCode, Is.Zero);
        Assert.That(r.Stdout, Does.Contain("KIND[:ARG][@FUNCTION][#GUEST][*COUNT]").And.Contain("drop-after-work").And.Contain("--deactivate-delay"));
        Assert.That(r.Stdout, Does.Contain("--namelist").And.Contain("--recycle-delay").And.Contain("--iucv-busy").And.Contain("Check_Authentication still checks"));
    }

    [GeneratedRegex(@":(\d+)$")]
    private static partial Regex ListeningPort();
}
