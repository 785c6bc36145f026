using System.Diagnostics;
using System.Text;

namespace FenceZvm.TestSupport;

/// <summary>
/// A long-running program started by <see cref="ProcessRunner.Start"/> (fencer, simulator, daemon): its output
/// collected, stopped by its PID (SIGTERM, then SIGKILL of its process tree if it does not end in time, and of
/// anything it started that outlived it).
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder stdout = new();
    private bool stdoutEnded;
    private TaskCompletionSource outputChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BackgroundProcess(Process process) => this.process = process;

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The pipe to the program's input, when started with a writable input.</summary>
    public StreamWriter Input => process.StandardInput;

    /// <summary>Standard output and error as they came, line by line.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string[] StdoutLines
    {
        get
        {
            lock (output)
            {
                return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Waits for the program's exit; false when it still runs at the timeout (it is left running).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        // The exit alone: Process.WaitForExitAsync also waits for the end of the output, which a child may hold.
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited)
        {
            return true;
        }

        try
        {
            await exited.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return process.HasExited;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the standard output lines; false at the timeout or once the output ended without it.</summary>
    public async Task<bool> WaitForStdoutAsync(Func<string[], bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (output)
            {
                if (condition(StdoutLines))
                {
                    return true;
                }

                if (stdoutEnded)
                {
                    return false;
                }

                changed = outputChanged.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return condition(StdoutLines);
            }
        }
    }

    /// <summary>
    /// SIGTERM by PID, a bounded wait, then SIGKILL of the tree; then SIGKILL of whatever it had started that
    /// outlived it. Afterwards <see cref="Output"/> is complete. Safe to call twice.
    /// </summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            // What it wrote last is still on its way: the output is whole once it ends.
            await ProcessRunner.EndedAsync(process);
            return;
        }

        var started = ProcessTree.Below(Pid);
        Signals.Terminate(Pid);
        if (!await WaitForExitAsync(StopGrace))
        {
            process.Kill(entireProcessTree: true);
        }

        ProcessTree.Kill(started);
        await ProcessRunner.EndedAsync(process);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    /// <summary>For callers without await (the benchmarks): <see cref="DisposeAsync"/>, blocking.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal static BackgroundProcess Start(ProcessStartInfo start, Action<string>? onStderrLine)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var started = new BackgroundProcess(process);
        if (start.RedirectStandardOutput)
        {
            process.OutputDataReceived += (_, e) => started.Append(e.Data, fromStdout: true);
            process.ErrorDataReceived += (_, e) =>
            {
                started.Append(e.Data, fromStdout: false);
                if (e.Data is not null)
                {
                    onStderrLine?.Invoke(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return started;
    }

    private void Append(string? line, bool fromStdout)
    {
        TaskCompletionSource changed;
        lock (output)
        {
            stdoutEnded |= line is null && fromStdout;
            if (line is not null)
            {
                output.AppendLine(line);
                if (fromStdout)
                {
                    stdout.Append(line).Append('\n');
                }
            }

            changed = outputChanged;
            outputChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }
}
