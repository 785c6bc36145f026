using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// pacemaker-fenced in its standalone mode (-s, no corosync), logging to a file of its own.
/// Its IPC name (stonith-ng) is machine-wide, so only one can run: a fencer already running fails the test.
/// </summary>
public sealed class StandaloneFencer : IAsyncDisposable
{
    private const string Ready = "successfully started and accepting connections";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);
    private readonly BackgroundProcess process;

    private StandaloneFencer(BackgroundProcess process, string logFile)
    {
        this.process = process;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public int Pid => process.Pid;

    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no fencer log)";

    public static async Task<StandaloneFencer> StartAsync(string directory)
    {
        ProcessResult existing = await ClusterCli.StonithAdminAsync("--list-registered");
        if (existing.ExitCode == 0)
        {
            Assert.Fail($"a fencer is already running on this machine (stonith_admin --list-registered answered): stop it first\n{existing}");
        }

        Directory.CreateDirectory(directory);
        string logFile = Path.Combine(directory, "fenced.log");
        ProcessResult install = await ProcessRunner.RunAsync("/usr/bin/install", ["-o", "hacluster", "-g", "haclient", "-m", "0660", "/dev/null", logFile]);
        Assert.That(install.ExitCode, Is.Zero, $"creating the fencer log: {install}");

        var environment = new Dictionary<string, string>
        {
            ["PCMK_logfile"] = logFile,
            ["PCMK_logfacility"] = "none",
        };
        var fencer = new StandaloneFencer(ProcessRunner.Start(PacemakerRequirements.Fencer, ["-s"], environment), logFile);
        if (!await Poll.UntilAsync(() => fencer.process.HasExited || fencer.Log.Contains(Ready, StringComparison.Ordinal), StartDeadline)
            || fencer.process.HasExited)
        {
            string failure = $"pacemaker-fenced -s did not start within {StartDeadline.TotalSeconds} s\n{fencer.Describe()}";
            await fencer.DisposeAsync();
            Assert.Fail(failure);
        }

        return fencer;
    }

    /// <summary>For failure messages: the fencer's output and the end of its log.</summary>
    public string Describe(int lines = 40)
    {
        string[] log = Log.Split('\n');
        return $"pacemaker-fenced [{Pid}] output:\n{process.Output}\nlast {lines} lines of {LogFile}:\n{string.Join('\n', log.TakeLast(lines))}";
    }

    /// <summary>Copies the log out of the temporary directory (artifacts/ keeps it after the run).</summary>
    public void KeepLog(string path)
    {
        if (File.Exists(LogFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(LogFile, path, overwrite: true);
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
