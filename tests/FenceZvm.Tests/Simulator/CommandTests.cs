using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;
using FenceZvm.Tests.Support;
using NUnit.Framework;

namespace FenceZvm.Tests.Simulator;

/// <summary>The published smapi-sim command as a process.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class CommandTests
{
    private static readonly Lazy<string> Executable = new(() => RepoPaths.Binary("smapi-sim"));

    [Test]
    public async Task PrintsListeningLinesWritesThePortFileServesAndExitsZeroOnSigterm()
    {
        string portFile = Path.Combine(Path.GetTempPath(), $"smapi-sim-{Guid.NewGuid():N}.port");
        using Process process = ProcessRunner.Start(Executable.Value,
            ["--listen", "127.0.0.1:0", "--listen", "[::1]:0", "--port-file", portFile, "--guest", "CNODE1", "--user", "fence:secret"]);
        try
        {
            string? first = await ReadLineAsync(process);
            string? second = await ReadLineAsync(process);
            int port = int.Parse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture);
            var client = new SmapiClient(new TcpTransport("::1", int.Parse(ListeningPort().Match(second!).Groups[1].Value, CultureInfo.InvariantCulture)), new SmapiClientOptions());
            SmapiResponse status = await client.CallAsync(ImageStatusQuery.Request(new SmapiCredentials("FENCE", "secret"), "CNODE1"));

            ProcessRunner.Terminate(process);
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(guard.Token);

            Assert.That(first, Is.EqualTo($"listening tcp 127.0.0.1:{port}"));
            Assert.That(second, Does.Match(@"^listening tcp \[::1\]:\d+$"));
            Assert.That((status.ReturnCode, status.ReasonCode), Is.EqualTo((0, 0)));
            Assert.That(process.ExitCode, Is.Zero);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

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
        (int exitCode, string stdout, string stderr) = await ProcessRunner.RunAsync(Executable.Value, arguments, TimeSpan.FromSeconds(20));

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith("smapi-sim: ").And.Not.Contain("   at "));
    }

    [Test]
    public async Task HelpDocumentsTheFaultSyntax()
    {
        (int exitCode, string stdout, _) = await ProcessRunner.RunAsync(Executable.Value, ["--help"], TimeSpan.FromSeconds(20));

        Assert.That(exitCode, Is.Zero);
        Assert.That(stdout, Does.Contain("KIND[:ARG][@FUNCTION][#GUEST][*COUNT]").And.Contain("drop-after-work").And.Contain("--deactivate-delay"));
        Assert.That(stdout, Does.Contain("--namelist").And.Contain("--recycle-delay").And.Contain("--iucv-busy").And.Contain("Check_Authentication still checks"));
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await process.StandardOutput.ReadLineAsync(guard.Token);
    }

    [GeneratedRegex(@":(\d+)$")]
    private static partial Regex ListeningPort();
}
