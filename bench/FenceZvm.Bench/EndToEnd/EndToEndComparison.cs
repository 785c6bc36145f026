using System.Globalization;
using System.Text;
using System.Text.Json;
using FenceZvm.Bench.Support;
using static FenceZvm.Bench.Support.BenchEnvironment;

namespace FenceZvm.Bench.EndToEnd;

/// <summary>
/// Whole-process wall time and peak RSS of our fence_zvmip, the upstream Python agent and a C floor
/// client, run alternately (A B C A B C ...) against smapi-sim. Each run goes through a small C helper
/// (bench/floor/measure.c: posix_spawn, wait4, CLOCK_MONOTONIC) so the figures exclude this harness.
/// Usage: compare [--runs N] [--slow-runs N] [--only case,case] [--bin DIR] [--upstream PATH] [--out DIR].
/// </summary>
internal static class EndToEndComparison
{
    private const string Ours = "ours";
    private const string Upstream = "upstream";
    private const string Floor = "C floor";

    public static int Run(string[] args)
    {
        var options = new BenchArguments(args);
        string bin = options.Bin;
        string upstream = options.Upstream;
        string output = options.Output;
        int runs = options.Number("--runs", 15);
        int slowRuns = options.Number("--slow-runs", 5);
        string[] only = options.Text("--only", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        string agent = Path.Combine(bin, "fence_zvmip");
        string simulator = Path.Combine(bin, "smapi-sim");
        if (!BenchArguments.Present("compare", "./build.sh builds ours; apt-get install fence-agents for upstream", agent, simulator, upstream))
        {
            return 1;
        }

        string tools = Path.Combine(output, "tools");
        Directory.CreateDirectory(tools);
        string floor = Compile("smapi_status", tools);
        string measure = Compile("measure", tools);
        var runner = new MeasureRunner(measure, Password);
        var results = new Results();
        string loadBefore = LoadAverage();
        Console.WriteLine($"end-to-end comparison, {Environment.ProcessorCount} cores, load average {loadBefore}, {runs} runs per case ({slowRuns} for the 10-plug off)");

        bool Wanted(string name) => only.Length == 0 || only.Contains(name);

        if (Wanted("status") || Wanted("off") || Wanted("reboot"))
        {
            using var sim = StartSimulator(simulator, ["CNODE1=on"], 0);
            string[] common = Connection(sim.Port);
            string[] floorArgs = [floor, "127.0.0.1", sim.Port.ToString(CultureInfo.InvariantCulture), User, Password, "CNODE1"];
            if (Wanted("status"))
            {
                Alternate(results, runs, "-o status",
                    (Ours, () => [("-o status", runner.Measure(0, [agent, .. common, "-o", "status", "-n", "CNODE1"]))]),
                    (Upstream, () => [("-o status", runner.Measure(0, [upstream, .. common, "-o", "status", "-n", "CNODE1"]))]),
                    (Floor, () => [("-o status", runner.Measure(0, floorArgs))]));
            }

            if (Wanted("off"))
            {
                Alternate(results, runs, "-o off + -o on",
                    (Ours, () => [("-o off", runner.Measure(0, [agent, .. common, "-o", "off", "-n", "CNODE1"])), ("-o on", runner.Measure(0, [agent, .. common, "-o", "on", "-n", "CNODE1"]))]),
                    (Upstream, () => [("-o off", runner.Measure(0, [upstream, .. common, "-o", "off", "-n", "CNODE1"])), ("-o on", runner.Measure(0, [upstream, .. common, "-o", "on", "-n", "CNODE1"]))]),
                    (Floor, () => [("-o off", runner.Measure(0, [.. floorArgs, "off"])), ("-o on", runner.Measure(0, [.. floorArgs, "on"]))]));
            }

            if (Wanted("reboot"))
            {
                Alternate(results, runs, "-o reboot",
                    (Ours, () => [("-o reboot", runner.Measure(0, [agent, .. common, "-o", "reboot", "-n", "CNODE1"]))]),
                    (Upstream, () => [("-o reboot", runner.Measure(0, [upstream, .. common, "-o", "reboot", "-n", "CNODE1"]))]));
            }
        }

        if (Wanted("list"))
        {
            using var sim = StartSimulator(simulator, Enumerable.Range(1, 1000).Select(i => $"LG{i:D4}=on"), 0);
            string[] common = Connection(sim.Port);
            Alternate(results, runs, "-o list, 1,000 guests",
                (Ours, () => [("-o list (1,000 guests)", runner.Measure(0, [agent, .. common, "-o", "list"]))]),
                (Upstream, () => [("-o list (1,000 guests)", runner.Measure(0, [upstream, .. common, "-o", "list"]))]));
        }

        if (Wanted("metadata"))
        {
            Alternate(results, runs, "-o metadata",
                (Ours, () => [("-o metadata", runner.Measure(0, [agent, "-o", "metadata"]))]),
                (Upstream, () => [("-o metadata", runner.Measure(0, [upstream, "-o", "metadata"]))]));
        }

        if (Wanted("off10"))
        {
            // Deactivation takes 0.5 s, so the ten offs overlap only if they run concurrently.
            string[] plugs = [.. Enumerable.Range(1, 10).Select(i => $"G{i:D2}")];
            using var sim = StartSimulator(simulator, plugs.Select(p => p + "=on"), 0.5);
            string[] common = Connection(sim.Port);
            string all = string.Join(',', plugs);
            const string Ten = "-o off, 10 plugs (0.5 s deactivation)";
            const string One = "-o off, 1 plug (0.5 s deactivation)";
            void Reset() => runner.Measure(0, [agent, .. common, "-o", "on", "-n", all]);
            Alternate(results, slowRuns, "-o off of 10 plugs, deactivation 0.5 s (upstream: 10 sequential single-plug runs, as it rejects several plugs)",
                (Ours, () =>
                {
                    var ten = runner.Measure(0, [agent, .. common, "-o", "off", "-n", all]);
                    Reset();
                    var one = runner.Measure(0, [agent, .. common, "-o", "off", "-n", plugs[0]]);
                    Reset();
                    return [(Ten, ten), (One, one)];
                }
            ),
                (Upstream, () =>
                {
                    var each = plugs.Select(p => runner.Measure(0, [upstream, .. common, "-o", "off", "-n", p])).ToList();
                    Reset();
                    var one = runner.Measure(0, [upstream, .. common, "-o", "off", "-n", plugs[0]]);
                    Reset();
                    return [(Ten, new Measurement(each.Sum(m => m.WallMs), each.Max(m => m.RssMiB), each.Max(m => m.Exit))), (One, one)];
                }
            ));
        }

        string loadAfter = LoadAverage();
        Report report = results.Summarize();
        string markdown = report.Markdown(loadBefore, loadAfter, runs, slowRuns);
        Console.WriteLine();
        Console.WriteLine(markdown);
        File.WriteAllText(Path.Combine(output, "e2e.md"), markdown);
        File.WriteAllText(Path.Combine(output, "e2e.json"), report.Json(loadBefore, loadAfter, runs, slowRuns));
        File.WriteAllText(Path.Combine(output, "e2e.csv"), report.Csv());
        Console.WriteLine($"written: {Path.Combine(output, "e2e.md")}, e2e.json, e2e.csv");
        return runner.Failures == 0 ? 0 : 1;
    }

    /// <summary>One untimed warm-up of each variant, then <paramref name="runs"/> rounds of A B C.</summary>
    private static void Alternate(Results results, int runs, string title, params (string Variant, Func<IReadOnlyList<(string Row, Measurement Value)>> Run)[] variants)
    {
        Console.Write($"{title}: ");
        foreach (var (_, run) in variants)
        {
            run();
        }

        for (int i = 0; i < runs; i++)
        {
            foreach (var (variant, run) in variants)
            {
                foreach (var (row, value) in run())
                {
                    results.Add(row, variant, value);
                }
            }

            Console.Write('.');
        }

        Console.WriteLine($" load {LoadAverage()}");
    }

    private sealed class Results
    {
        private readonly List<string> rows = [];
        private readonly Dictionary<(string Row, string Variant), List<Measurement>> values = [];

        public void Add(string row, string variant, Measurement value)
        {
            if (!rows.Contains(row))
            {
                rows.Add(row);
            }

            if (!values.TryGetValue((row, variant), out var list))
            {
                values[(row, variant)] = list = [];
            }

            list.Add(value);
        }

        public Report Summarize() =>
            new([.. rows.Select(row => new ReportRow(row, Stats(row, Ours), Stats(row, Upstream), Stats(row, Floor)))]);

        private Stats? Stats(string row, string variant)
        {
            if (!values.TryGetValue((row, variant), out var list))
            {
                return null;
            }

            double[] wall = [.. list.Select(m => m.WallMs).Order()];
            double[] rss = [.. list.Select(m => m.RssMiB).Order()];
            return new Stats(list.Count, Percentile.Of(wall, 0.5), Percentile.Of(wall, 0.9), Percentile.Of(rss, 0.5), rss[^1]);
        }
    }

    internal sealed record Stats(int Runs, double WallMedianMs, double WallP90Ms, double RssMedianMiB, double RssMaxMiB);

    internal sealed record ReportRow(string Case, Stats? Ours, Stats? Upstream, Stats? Floor)
    {
        public double? OursOverUpstream => Ours is null || Upstream is null ? null : Ours.WallMedianMs / Upstream.WallMedianMs;

        public double? UpstreamOverOurs => Ours is null || Upstream is null ? null : Upstream.WallMedianMs / Ours.WallMedianMs;

        public double? OursOverFloor => Ours is null || Floor is null ? null : Ours.WallMedianMs / Floor.WallMedianMs;

        public double? RssOursOverUpstream => Ours is null || Upstream is null ? null : Ours.RssMedianMiB / Upstream.RssMedianMiB;
    }

    internal sealed record Report(IReadOnlyList<ReportRow> Rows)
    {
        public string Markdown(string loadBefore, string loadAfter, int runs, int slowRuns)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# fence_zvmip end to end ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; load average {loadBefore} before, {loadAfter} after; {runs} runs per case ({slowRuns} for the 10-plug off), alternating ours / upstream / C floor.");
            text.AppendLine("Wall time in ms, median (p90); peak RSS in MiB, median. Ratios of medians. Upstream's 10-plug off is 10 sequential single-plug runs (it rejects several plugs), summed.");
            text.AppendLine();
            text.AppendLine("| case | ours | upstream | C floor | ours/upstream | upstream/ours | ours/floor | RSS ours | RSS upstream | RSS ours/upstream |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (ReportRow row in Rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Case} | {Wall(row.Ours)} | {Wall(row.Upstream)} | {Wall(row.Floor)} | {Ratio(row.OursOverUpstream)} | {Ratio(row.UpstreamOverOurs)} | {Ratio(row.OursOverFloor)} | {Rss(row.Ours)} | {Rss(row.Upstream)} | {Ratio(row.RssOursOverUpstream)} |");
            }

            return text.ToString();
        }

        public string Csv()
        {
            var text = new StringBuilder("case,variant,runs,wall_median_ms,wall_p90_ms,rss_median_mib,rss_max_mib\n");
            foreach (ReportRow row in Rows)
            {
                foreach (var (variant, stats) in (ReadOnlySpan<(string, Stats?)>)[(Ours, row.Ours), (Upstream, row.Upstream), (Floor, row.Floor)])
                {
                    if (stats is not null)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"\"{row.Case}\",{variant},{stats.Runs},{stats.WallMedianMs:F3},{stats.WallP90Ms:F3},{stats.RssMedianMiB:F2},{stats.RssMaxMiB:F2}");
                    }
                }
            }

            return text.ToString();
        }

        public string Json(string loadBefore, string loadAfter, int runs, int slowRuns)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("date", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                json.WriteNumber("cores", Environment.ProcessorCount);
                json.WriteString("load_before", loadBefore);
                json.WriteString("load_after", loadAfter);
                json.WriteNumber("runs", runs);
                json.WriteNumber("slow_runs", slowRuns);
                json.WriteStartArray("cases");
                foreach (ReportRow row in Rows)
                {
                    json.WriteStartObject();
                    json.WriteString("case", row.Case);
                    WriteStats(json, "ours", row.Ours);
                    WriteStats(json, "upstream", row.Upstream);
                    WriteStats(json, "floor", row.Floor);
                    WriteRatio(json, "ours_over_upstream", row.OursOverUpstream);
                    WriteRatio(json, "ours_over_floor", row.OursOverFloor);
                    WriteRatio(json, "rss_ours_over_upstream", row.RssOursOverUpstream);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteStats(Utf8JsonWriter json, string name, Stats? stats)
        {
            if (stats is null)
            {
                return;
            }

            json.WriteStartObject(name);
            json.WriteNumber("runs", stats.Runs);
            json.WriteNumber("wall_median_ms", Math.Round(stats.WallMedianMs, 3));
            json.WriteNumber("wall_p90_ms", Math.Round(stats.WallP90Ms, 3));
            json.WriteNumber("rss_median_mib", Math.Round(stats.RssMedianMiB, 2));
            json.WriteNumber("rss_max_mib", Math.Round(stats.RssMaxMiB, 2));
            json.WriteEndObject();
        }

        private static void WriteRatio(Utf8JsonWriter json, string name, double? ratio)
        {
            if (ratio is { } value)
            {
                json.WriteNumber(name, Math.Round(value, 3));
            }
        }

        private static string Wall(Stats? stats) =>
            stats is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{stats.WallMedianMs:F1} ({stats.WallP90Ms:F1})");

        private static string Rss(Stats? stats) =>
            stats is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{stats.RssMedianMiB:F1}");

        private static string Ratio(double? ratio) =>
            ratio is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value:F2}x") : "-";
    }
}
