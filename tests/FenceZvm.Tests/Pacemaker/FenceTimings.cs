using System.Collections.Concurrent;
using System.Globalization;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// Elapsed time of each stonith_admin call through each agent, for the report (never asserted on):
/// printed to the test progress output and written to artifacts/pacemaker-timings.txt.
/// </summary>
public static class FenceTimings
{
    private static readonly ConcurrentQueue<string> Lines = new();

    public static string FilePath => Path.Combine(RepoPaths.Root, "artifacts", "pacemaker-timings.txt");

    public static void Record(string scenario, string side, string agent, ProcessResult result)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{scenario,-28} {side,-10} {agent,-18} {result.Elapsed.TotalMilliseconds,8:0} ms  exit {result.ExitCode}");
        Add(line);
    }

    private static void Add(string line)
    {
        Lines.Enqueue(line);
        TestContext.Progress.WriteLine("stonith_admin " + line);
    }

    public static void RecordMedian(string scenario, string side, string agent, IReadOnlyList<double> milliseconds)
    {
        double[] sorted = [.. milliseconds.Order()];
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        string all = string.Join(' ', milliseconds.Select(m => m.ToString("0", CultureInfo.InvariantCulture)));
        Add(string.Create(CultureInfo.InvariantCulture, $"{scenario,-28} {side,-10} {agent,-18} {median,8:0} ms  (each: {all})"));
    }

    public static void Write()
    {
        if (Lines.IsEmpty)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        string header = $"# stonith_admin elapsed time through the standalone pacemaker-fenced, {DateTimeOffset.UtcNow:u}\n";
        File.WriteAllText(FilePath, header + string.Join('\n', Lines) + "\n");
        TestContext.Progress.WriteLine($"stonith_admin timings written to {FilePath}");
    }
}
