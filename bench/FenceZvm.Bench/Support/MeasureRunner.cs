using System.Globalization;
using FenceZvm.TestSupport;

namespace FenceZvm.Bench.Support;

/// <summary>One process's wall time, peak RSS and exit status, as bench/floor/measure.c reports them.</summary>
internal readonly record struct Measurement(double WallMs, double RssMiB, int Exit);

/// <summary>
/// Runs a command through the measure helper (posix_spawn, wait4, CLOCK_MONOTONIC), so the figures
/// exclude this harness, and counts unexpected exit statuses (a null expectation accepts any). The environment additions and the
/// stdin text reach the measured process (the helper passes both on).
/// </summary>
internal sealed class MeasureRunner(string measure, string secret)
{
    /// <summary>Far above any one run (the slowest, upstream's reboot, takes seconds): only a hang reaches it.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public int Failures { get; private set; }

    public Measurement Measure(int? expectedExit, string[] command, IReadOnlyDictionary<string, string>? environment = null, string? stdin = null)
    {
        ProcessResult run = ProcessRunner.RunAsync(measure, command, stdin, environment, Timeout).GetAwaiter().GetResult();
        string line = run.Stdout.Trim();
        string[] fields = line.Split(' ');
        if (run.ExitCode != 0 || fields.Length != 3)
        {
            throw new InvalidOperationException($"measure failed on {string.Join(' ', command)}: {line} {run.Stderr.Trim()}");
        }

        var result = new Measurement(
            long.Parse(fields[0], CultureInfo.InvariantCulture) / 1000.0,
            long.Parse(fields[1], CultureInfo.InvariantCulture) / 1024.0,
            int.Parse(fields[2], CultureInfo.InvariantCulture));
        if (expectedExit is not null && result.Exit != expectedExit)
        {
            Failures++;
            Console.Error.WriteLine($"\nbench: exit {result.Exit} (expected {expectedExit}) from {Path.GetFileName(command[0])} {string.Join(' ', command.Skip(1).Where(a => a != secret))}");
        }

        return result;
    }
}
