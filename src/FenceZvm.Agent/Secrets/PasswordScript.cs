using System.Diagnostics;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.ProcessIo;

namespace FenceZvm.Agent.Secrets;

/// <summary>
/// Runs --password-script through /bin/sh, as upstream's os.popen does, and takes the first line of
/// its output. The password travels only through the pipe, never on a command line. The script runs
/// in a process group of its own (setsid), so that when the agent is interrupted or the script's time
/// runs out, the script and everything it started are ended together.
/// </summary>
public static class PasswordScript
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest first line read: far above any SMAPI password, far below a memory worth noticing.</summary>
    public const int MaxLineChars = 4096;

    /// <summary>util-linux's setsid: present wherever the agent is installed; without it the script runs in the agent's group.</summary>
    public const string Setsid = "/usr/bin/setsid";

    public static async Task<string> RunAsync(string script, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? Timeout;
        bool ownGroup = File.Exists(Setsid);
        var start = new ProcessStartInfo(ownGroup ? Setsid : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (ownGroup)
        {
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FenceFailure($"Failed: Unable to run password script {EchoGuard.Show(script)}", e.Message, e);
        }

        bool finished = false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            Task<string?> firstLine = FirstLineAsync(process.StandardOutput, script, deadline.Token);
            process.StandardInput.Close();
            string? line = await firstLine.ConfigureAwait(false);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            finished = true;
            if (process.ExitCode != 0)
            {
                throw new FenceFailure($"Failed: Password script {EchoGuard.Show(script)} exited with status {process.ExitCode}");
            }

            return line?.TrimEnd() ?? string.Empty;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FenceFailure($"Failed: Password script {EchoGuard.Show(script)} did not finish within {limit.TotalSeconds:0.###} s");
        }
        finally
        {
            if (!finished)
            {
                End(process, ownGroup);
            }
        }
    }

    /// <summary>The first line without its end, or null for no output; a script that never ends it (cat /dev/zero) is a failure at <see cref="MaxLineChars"/>.</summary>
    private static async Task<string?> FirstLineAsync(StreamReader output, string script, CancellationToken cancellationToken)
    {
        var line = new System.Text.StringBuilder();
        char[] buffer = new char[1024];
        while (true)
        {
            int read = await output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            // As ReadLine: CR, LF or CR LF ends the line.
            int end = buffer.AsSpan(0, read).IndexOfAny('\r', '\n');
            line.Append(buffer, 0, end >= 0 ? end : read);
            if (line.Length > MaxLineChars)
            {
                throw new FenceFailure($"Failed: Password script {EchoGuard.Show(script)} printed more than {MaxLineChars} characters without a line end");
            }

            if (end >= 0)
            {
                return line.ToString();
            }
        }
    }

    /// <summary>Ends the script's process group (with setsid, its id is the script's pid), then what is left of its tree.</summary>
    private static void End(Process process, bool ownGroup)
    {
        if (ownGroup)
        {
            Posix.KillGroup(process.Id);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
