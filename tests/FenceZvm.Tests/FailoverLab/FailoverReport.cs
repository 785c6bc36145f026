using System.Globalization;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.FailoverLab;

/// <summary>
/// Failover figures per scenario and agent, side by side in artifacts/failover-times.txt (for the report and
/// the README, never asserted on: the machine is shared and noisy).
/// </summary>
public static class FailoverReport
{
    private static readonly Lock Gate = new();
    private static readonly List<string> Scenarios = [];
    private static readonly List<string> Sides = [];
    private static readonly Dictionary<(string Scenario, string Side), string> Figures = [];

    public static string FilePath => Path.Combine(RepoPaths.Root, "artifacts", "failover-times.txt");

    public static void Seconds(string scenario, string side, TimeSpan elapsed) =>
        Record(scenario, side, string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s"));

    public static void Record(string scenario, string side, string figure)
    {
        lock (Gate)
        {
            if (!Scenarios.Contains(scenario))
            {
                Scenarios.Add(scenario);
            }

            if (!Sides.Contains(side))
            {
                Sides.Add(side);
            }

            Figures[(scenario, side)] = figure;
        }

        TestContext.Progress.WriteLine($"failover {side}: {scenario}: {figure}");
    }

    public static void Write()
    {
        lock (Gate)
        {
            if (Scenarios.Count == 0)
            {
                return;
            }

            int width = Scenarios.Max(s => s.Length);
            var text = new System.Text.StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# two-node failover through each agent (./build.sh test-failover), {DateTimeOffset.UtcNow:u}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
            text.AppendLine(string.Join("  ", [$"{"scenario".PadRight(width)}", .. Sides.Select(s => s.PadRight(24))]).TrimEnd());
            foreach (string scenario in Scenarios)
            {
                text.AppendLine(string.Join("  ", [scenario.PadRight(width), .. Sides.Select(s => Figures.GetValueOrDefault((scenario, s), "-").PadRight(24))]).TrimEnd());
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath, text.ToString());
        }
    }
}
