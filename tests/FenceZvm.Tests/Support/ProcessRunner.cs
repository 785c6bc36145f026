using System.Diagnostics;

namespace FenceZvm.Tests.Support;

/// <summary>Runs a program to completion with captured output and a hard kill deadline.</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultKillAfter = TimeSpan.FromSeconds(60);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? killAfter = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The agent under test must not think it runs under pacemaker unless a test says so.
        start.Environment.Remove("PCMK_service");
        start.Environment["FENCE_ZVM_SYSLOG_SOCKET"] = "/nonexistent/fence-zvm-test-syslog";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program may exit before reading its input.
        }

        using var deadline = new CancellationTokenSource(killAfter ?? DefaultKillAfter);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)} did not exit within {(killAfter ?? DefaultKillAfter).TotalSeconds} s");
        }

        watch.Stop();
        return new ProcessResult(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
