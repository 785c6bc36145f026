using System.Diagnostics;
using FenceZvm.Agent.Power;

namespace FenceZvm.Agent.Runtime;

/// <summary>
/// Runs --password-script through /bin/sh, as upstream's os.popen does, and takes the first line of
/// its output. The password travels only through the pipe, never on a command line.
/// </summary>
public static class PasswordScript
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<string> RunAsync(string script, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FenceFailure($"Failed: Unable to run password script {script}", e.Message, e);
        }

        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            Task<string?> firstLine = process.StandardOutput.ReadLineAsync(deadline.Token).AsTask();
            string? line = await firstLine.ConfigureAwait(false);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new FenceFailure($"Failed: Password script {script} exited with status {process.ExitCode}");
            }

            return line?.TrimEnd() ?? string.Empty;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new FenceFailure($"Failed: Password script {script} did not finish within {Timeout.TotalSeconds:0} s");
        }
    }
}
