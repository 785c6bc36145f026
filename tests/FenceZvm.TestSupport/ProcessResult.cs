using System.Globalization;

namespace FenceZvm.TestSupport;

/// <summary>How a program run to its end went; <see cref="TimedOut"/> when it was killed at its timeout instead.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut = false)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string ExitText => TimedOut
        ? $"hung (killed after {Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s)"
        : ExitCode.ToString(CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"exit {ExitText} after {Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
