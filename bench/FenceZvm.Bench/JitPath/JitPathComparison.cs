using System.Globalization;
using System.Text;
using FenceZvm.Bench.EndToEnd;
using FenceZvm.Bench.Support;
using FenceZvm.TestSupport;
using static FenceZvm.Bench.Support.BenchEnvironment;

namespace FenceZvm.Bench.JitPath;

/// <summary>
/// The proxy for s390x, where Mono JIT-compiles every method at every start: the framework-dependent
/// build run with DOTNET_ReadyToRun=0, tiered and with DOTNET_TieredCompilation=0, against the upstream
/// Python agent and the C# floor client (bench/FloorClient) in one alternating run; methods JIT-compiled
/// counted from DOTNET_JitStdOutFile. Then the NativeAOT builds of ours and of the floor client.
/// Usage: jit --agent DIR --floor DIR --aot DIR --aot-floor DIR [--upstream PATH] [--runs N] [--out DIR].
/// </summary>
internal static class JitPathComparison
{
    private const string Guest = "CNODE1";
    private const int CountRuns = 3;

    private static readonly Dictionary<string, string> Jit = new() { ["DOTNET_ReadyToRun"] = "0" };
    private static readonly Dictionary<string, string> JitFullOpt = new() { ["DOTNET_ReadyToRun"] = "0", ["DOTNET_TieredCompilation"] = "0" };

    public static int Run(string[] args)
    {
        var options = new BenchArguments(args);
        string agent = Path.Combine(options.Text("--agent", BenchArguments.InCheckout("artifacts", "jit", "agent")), "fence_zvmip");
        string floor = Path.Combine(options.Text("--floor", BenchArguments.InCheckout("artifacts", "jit", "floor")), "smapi-floor");
        string aot = Path.Combine(options.Text("--aot", BenchArguments.InCheckout("artifacts", "bin")), "fence_zvmip");
        string aotFloor = Path.Combine(options.Text("--aot-floor", BenchArguments.InCheckout("artifacts", "jit", "floor-aot")), "smapi-floor");
        string upstream = options.Upstream;
        string output = options.Output;
        int runs = options.Number("--runs", 10);
        string simulator = Path.Combine(Path.GetDirectoryName(aot)!, "smapi-sim");
        if (!BenchArguments.Present("jit", "./build.sh bench jit publishes ours and the floor; apt-get install fence-agents for upstream", agent, floor, aot, aotFloor, upstream, simulator))
        {
            return 1;
        }

        string tools = Path.Combine(output, "tools");
        Directory.CreateDirectory(tools);
        var runner = new MeasureRunner(Compile("measure", tools), Password);
        string loadBefore = LoadAverage();
        Console.WriteLine($"JIT-path comparison, {Environment.ProcessorCount} cores, load average {loadBefore}, {runs} runs per program and case");

        using var sim = StartSimulator(simulator, [$"{Guest}=on"], 0);
        string port = sim.PortText;
        string[] common = Connection(sim.Port);
        string Stdin(string action) =>
            $"action={action}\nip=127.0.0.1\nipport={port}\nusername={User}\npassword={Password}\nport={Guest}\ndisable_ssl=1\n";
        string[] floorStatus = ["127.0.0.1", port, User, Password, Guest];
        JitCase[] cases =
        [
            new("stdin status", [], Stdin("status"), [], Stdin("status"), floorStatus),
            new("argv status", [.. common, "-o", "status", "-n", Guest], null, [.. common, "-o", "status", "-n", Guest], null, floorStatus),
            new("stdin off", [], Stdin("off"), [], Stdin("off"), [.. floorStatus, "off"], Reset: true),
            new("-o metadata", ["-o", "metadata"], null, ["-o", "metadata"], null, null),
            new("stdin monitor", [], Stdin("monitor"), [], Stdin("monitor"), null),
        ];

        var table = new List<JitRow>();
        string methodsDirectory = Path.Combine(output, "jit-methods");
        Directory.CreateDirectory(methodsDirectory);
        foreach (JitCase c in cases)
        {
            void Reset()
            {
                if (c.Reset)
                {
                    runner.Measure(0, [aot, .. common, "-o", "on", "-n", Guest]);
                }
            }

            Console.Write($"{c.Name}: counting");
            var ours = new JitRow(c.Name, "ours");
            var floorRow = c.Floor is null ? null : new JitRow(c.Name, "C# floor client");
            var upstreamRow = new JitRow(c.Name, "upstream");
            ours.Count(runner, agent, c.Ours, c.Stdin, Path.Combine(methodsDirectory, Slug(c.Name)), Reset);
            floorRow?.Count(runner, floor, c.Floor!, null, Path.Combine(methodsDirectory, Slug(c.Name) + ".floor"), Reset);
            Console.Write(", timing");
            var variants = new List<Action>
            {
                () => { ours.Tiered.Add(runner.Measure(c.Exit, [agent, .. c.Ours], Jit, c.Stdin)); Reset(); },
                () => { ours.FullOpt.Add(runner.Measure(c.Exit, [agent, .. c.Ours], JitFullOpt, c.Stdin)); Reset(); },
                () => { upstreamRow.Tiered.Add(runner.Measure(c.Exit, [upstream, .. c.Upstream], null, c.UpstreamStdin)); Reset(); },
            };
            if (floorRow is not null)
            {
                variants.Add(() => { floorRow.Tiered.Add(runner.Measure(c.FloorExit, [floor, .. c.Floor!], Jit)); Reset(); });
                variants.Add(() => { floorRow.FullOpt.Add(runner.Measure(c.FloorExit, [floor, .. c.Floor!], JitFullOpt)); Reset(); });
            }

            Alternate(runs, variants);
            table.Add(ours);
            if (floorRow is not null)
            {
                table.Add(floorRow);
            }

            table.Add(upstreamRow);
        }

        Console.Write("NativeAOT: timing");
        var aotRows = new List<(string Case, JitRow Ours, JitRow? Floor, JitRow Upstream)>
        {
            ("-o status", new JitRow("-o status", "ours"), new JitRow("-o status", "floor"), new JitRow("-o status", "upstream")),
            ("-o metadata", new JitRow("-o metadata", "ours"), new JitRow("-o metadata", "floor"), new JitRow("-o metadata", "upstream")),
        };
        string metadataBytes = MetadataBytes(aot);
        foreach (var (name, oursRow, floorRow, upstreamRow) in aotRows)
        {
            bool status = name == "-o status";
            string[] arguments = status ? [.. common, "-o", "status", "-n", Guest] : ["-o", "metadata"];
            var variants = new List<Action>
            {
                () => oursRow.Tiered.Add(runner.Measure(0, [aot, .. arguments])),
                () => upstreamRow.Tiered.Add(runner.Measure(0, [upstream, .. arguments])),
            };
            if (floorRow is not null)
            {
                variants.Add(() => floorRow.Tiered.Add(runner.Measure(0, [aotFloor, .. status ? floorStatus : ["--write", metadataBytes]])));
            }

            Alternate(runs, variants);
        }

        Console.WriteLine();
        string markdown = Markdown(table, aotRows, aot, aotFloor, runs, loadBefore, LoadAverage());
        Console.WriteLine(markdown);
        File.WriteAllText(Path.Combine(output, "jit.md"), markdown);
        Console.WriteLine($"written: {Path.Combine(output, "jit.md")}, method lists in {methodsDirectory}");
        return runner.Failures == 0 ? 0 : 1;
    }

    /// <summary>How many bytes -o metadata writes: the floor client writes as many (smapi-floor --write).</summary>
    private static string MetadataBytes(string aot)
    {
        ProcessResult run = ProcessRunner.RunAsync(aot, ["-o", "metadata"]).GetAwaiter().GetResult();
        return Encoding.UTF8.GetByteCount(run.Stdout).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One untimed warm-up of each variant, then rounds of A B C ... so load drifts hit all alike.</summary>
    private static void Alternate(int runs, List<Action> variants)
    {
        variants.ForEach(v => v());
        foreach (List<Action> copy in Enumerable.Repeat(variants, runs))
        {
            copy.ForEach(v => v());
            Console.Write('.');
        }

        Console.WriteLine($" load {LoadAverage()}");
    }

    private static string Slug(string name) => new([.. name.Where(char.IsLetterOrDigit)]);

    private static string Markdown(List<JitRow> table, List<(string Case, JitRow Ours, JitRow? Floor, JitRow Upstream)> aotRows, string aot, string aotFloor, int runs, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# JIT path, the proxy for s390x ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; load average {loadBefore} before, {loadAfter} after; {runs} runs per program and column, alternating.");
        text.AppendLine("Framework-dependent build with DOTNET_ReadyToRun=0 (everything JIT-compiled, as Mono does on s390x); \"TC=0\" adds DOTNET_TieredCompilation=0.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Methods: lines of DOTNET_JitStdOutFile with DOTNET_JitDisasmSummary=1 (tiered: median of {CountRuns} runs). Wall in ms, median (p90); peak RSS in MiB, median.");
        text.AppendLine();
        text.AppendLine("| case | program | methods JIT-compiled | methods, TC=0 | wall | wall, TC=0 | wall / upstream | TC=0 / upstream | peak RSS | peak RSS, TC=0 |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (JitRow row in table)
        {
            JitRow upstream = table.First(r => r.Case == row.Case && r.Program == "upstream");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Case} | {row.Program} | {row.MethodsText(row.TieredMethods)} | {row.MethodsText(row.FullOptMethods)} | {Wall(row.Tiered)} | {Wall(row.FullOpt)} | {Ratio(row.Tiered, upstream.Tiered)} | {Ratio(row.FullOpt, upstream.Tiered)} | {Rss(row.Tiered)} | {Rss(row.FullOpt)} |");
        }

        text.AppendLine();
        text.AppendLine("## NativeAOT (the x86_64 and arm64 build), same run");
        text.AppendLine();
        text.AppendLine("| case | ours | NativeAOT floor client | upstream | ours / floor | ours / upstream | peak RSS ours | peak RSS floor |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, ours, floor, upstream) in aotRows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Wall(ours.Tiered)} | {Wall(floor?.Tiered ?? [])} | {Wall(upstream.Tiered)} | {Ratio(ours.Tiered, floor?.Tiered ?? [])} | {Ratio(ours.Tiered, upstream.Tiered)} | {Rss(ours.Tiered)} | {Rss(floor?.Tiered ?? [])} |");
        }

        text.AppendLine();
        text.AppendLine("The floor client's -o metadata row is `smapi-floor --write N`: the runtime's start and one write of as many bytes, nothing else.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Binary size: ours {Megabytes(aot)}, the floor client {Megabytes(aotFloor)} (NativeAOT, stripped of nothing but the .dbg file).");
        text.AppendLine();
        // The JIT-path targets are issue 12's; the NativeAOT ones issue 25's, against the floors (PIE on).
        text.AppendLine("## Targets (issues 12 and 25)");
        text.AppendLine();
        JitRow Find(string c, string p) => table.First(r => r.Case == c && r.Program == p);
        JitRow stdinStatus = Find("stdin status", "ours");
        double? Over(List<Measurement> a, List<Measurement> b) => a.Count == 0 || b.Count == 0 ? null : Median(a, m => m.WallMs) / Median(b, m => m.WallMs);
        Target(text, "stdin status: methods JIT-compiled <= 2,000", stdinStatus.TieredMethods, 2000);
        Target(text, "stdin status: wall <= 4.5x upstream", Over(stdinStatus.Tiered, Find("stdin status", "upstream").Tiered), 4.5);
        Target(text, "stdin status: peak RSS <= 32 MiB", stdinStatus.Tiered.Count == 0 ? null : Median(stdinStatus.Tiered, m => m.RssMiB), 32);
        Target(text, "-o metadata: methods JIT-compiled <= 1,300", Find("-o metadata", "ours").TieredMethods, 1300);
        Target(text, "argv status: methods JIT-compiled <= 2,600", Find("argv status", "ours").TieredMethods, 2600);
        Target(text, "NativeAOT -o status <= 1.3x the NativeAOT floor client", Over(aotRows[0].Ours.Tiered, aotRows[0].Floor!.Tiered), 1.3);
        Target(text, "NativeAOT -o metadata <= 1.15x the NativeAOT floor writing as many bytes", Over(aotRows[1].Ours.Tiered, aotRows[1].Floor!.Tiered), 1.15);
        return text.ToString();
    }

    private static void Target(StringBuilder text, string what, double? value, double limit) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"- {what}: {value:0.###} {(value <= limit ? "met" : "NOT met")}");

    private static double Median(List<Measurement> values, Func<Measurement, double> field) =>
        Percentile.Of([.. values.Select(field).Order()], 0.5);

    private static string Wall(List<Measurement> values) =>
        values.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Median(values, m => m.WallMs):F1} ({Percentile.Of([.. values.Select(m => m.WallMs).Order()], 0.9):F1})");

    private static string Rss(List<Measurement> values) =>
        values.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Median(values, m => m.RssMiB):F1}");

    private static string Ratio(List<Measurement> a, List<Measurement> b) =>
        a.Count == 0 || b.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Median(a, m => m.WallMs) / Median(b, m => m.WallMs):F2}x");

    private static string Megabytes(string file) =>
        string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(file).Length / 1e6:F1} MB");
}
