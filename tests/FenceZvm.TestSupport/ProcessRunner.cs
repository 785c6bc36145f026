using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FenceZvm.TestSupport;

/// <summary>
/// Starts every program the tests and benchmarks run: to its end within a timeout (<see cref="RunAsync"/>),
/// or in the background until stopped (<see cref="Start"/>). Whatever it starts it also stops, by PID with
/// the whole process tree, on a timeout or a dispose.
/// </summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a killed process (or the output of one that ended) may take to be gone.</summary>
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs a program to its end with <paramref name="stdin"/> as its input (none: closed at once). A program
    /// still running at <paramref name="timeout"/> is killed, then throws <see cref="TimeoutException"/>, or with
    /// <paramref name="reportTimeout"/> comes back as a result that says so (<see cref="ProcessResult.TimedOut"/>).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        bool reportTimeout = false)
    {
        ProcessStartInfo start = StartInfo(fileName, arguments, environment, redirectOutput: true, redirectInput: true);
        start.WorkingDirectory = workingDirectory ?? string.Empty;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task feeding = FeedAsync(process.StandardInput, stdin);
        bool timedOut = !await WaitForExitAsync(process, timeout ?? DefaultTimeout);
        watch.Stop();
        await feeding;

        // A child that outlived the program may still hold its output open: bounded too.
        try
        {
            await Task.WhenAll(stdout, stderr).WaitAsync(AfterKill);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Path.GetFileName(fileName)} exited, but something it started still held its output open {AfterKill.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s later");
        }

        var result = new ProcessResult(process.ExitCode, await stdout, await stderr, watch.Elapsed, timedOut);
        return timedOut && !reportTimeout
            ? throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)} did not exit within {(timeout ?? DefaultTimeout).TotalSeconds.ToString(CultureInfo.InvariantCulture)} s\n{result}")
            : result;
    }

    /// <summary>
    /// Starts a long-running program (a server, a daemon, a run a test signals). Its output is collected unless
    /// <paramref name="captureOutput"/> is false (a program that leaves children holding its pipes); its input
    /// is the test's own unless <paramref name="writableInput"/> gives a pipe to write to.
    /// </summary>
    public static BackgroundProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        bool captureOutput = true,
        bool writableInput = false,
        Action<string>? onStderrLine = null) =>
        BackgroundProcess.Start(StartInfo(fileName, arguments, environment, captureOutput, writableInput), onStderrLine);

    /// <summary>The program's path in a folder of $PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    /// <summary>Writes the input, if any, and closes it; a program that stops reading (or is killed) ends the writing.</summary>
    private static async Task FeedAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text);
            }

            input.Close();
        }
        catch (IOException)
        {
            // The program exited, or stopped reading past its input bound, before it took all of it.
        }
    }

    /// <summary>Waits for the exit; past the timeout kills the process tree (by PID), waits for that, and answers false.</summary>
    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process);
            return false;
        }
    }

    /// <summary>SIGKILL to the process and every process below it (by PID), then a bounded wait for its end.</summary>
    private static async Task KillAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await EndedAsync(process);
    }

    /// <summary>A bounded wait for a process that was stopped: its exit, and the end of the output it was writing.</summary>
    internal static async Task EndedAsync(Process process)
    {
        using var gone = new CancellationTokenSource(AfterKill);
        try
        {
            await process.WaitForExitAsync(gone.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} [{process.Id}] was stopped but did not end within {AfterKill.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
    }

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, bool redirectOutput, bool redirectInput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = redirectOutput,
            RedirectStandardError = redirectOutput,
            StandardInputEncoding = redirectInput ? new UTF8Encoding(false) : null,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A program started here never believes it runs under pacemaker unless the caller says so.
        start.Environment.Remove("PCMK_service");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
