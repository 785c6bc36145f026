using System.Globalization;
using System.Net;
using System.Text;
using FenceZvm.Bench.Support;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.TestSupport;

namespace FenceZvm.Bench.EndToEnd;

/// <summary>
/// Time to fence: how long after the guest really went off (the simulator records the instant) each agent
/// exits with success, and how many status queries it sent meanwhile; ours and the upstream agent alternately
/// against the same in-process simulator, for deactivations of 0.3, 0.7, 1.3 and 2.6 s. Then mass fencing:
/// 16 guests (deactivations 0.5-2 s, every response 40 ms late, 4 worker servers) fenced by 16 processes at
/// once, and by one of ours with 16 plugs.
/// Usage: latency [--runs N] [--mass-runs N] [--bin DIR] [--upstream PATH] [--out DIR].
/// </summary>
internal static class LatencyBench
{
    private const string Ours = "ours";
    private const string Upstream = "upstream fence_zvmip";
    private const string Single = "LAT1";
    private const int MassGuests = 16;
    private const int MassWorkers = 4;
    private const string MassFault = "delay:40";
    private static readonly double[] Delays = [0.3, 0.7, 1.3, 2.6];

    /// <summary>Far above any one fence here (seconds): only a hung agent reaches it.</summary>
    private static readonly TimeSpan AgentTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Delays that are whole multiples of a poll period meet polls that fall just after them; a random
    /// share of a second added to the delay shows the figure for a logoff at any moment.
    /// </summary>
    private static readonly TimeSpan PhaseSpread = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        var options = new BenchArguments(args);
        string bin = options.Bin;
        string upstream = options.Upstream;
        string output = options.Output;
        int runs = options.Number("--runs", 9);
        int massRuns = options.Number("--mass-runs", 3);
        string ours = Path.Combine(bin, "fence_zvmip");
        if (!BenchArguments.Present("latency", "./build.sh builds ours; apt-get install fence-agents for upstream", ours, upstream))
        {
            return 1;
        }

        (string Name, string Path)[] agents = [(Ours, ours), (Upstream, upstream)];
        string loadBefore = BenchEnvironment.LoadAverage();
        Console.WriteLine($"time to fence, {Environment.ProcessorCount} cores, load average {loadBefore}, {runs} runs per delay, {massRuns} mass runs");
        var failures = new List<string>();
        var single = new Dictionary<(string Agent, double Delay), List<Fence>>();
        var phased = new Dictionary<(string Agent, double Delay), List<Fence>>();
        foreach (double delay in Delays)
        {
            Console.Write($"deactivation {delay} s, then {delay} s plus 0-1 s: ");
            var exact = TimeSpan.FromSeconds(delay);
            using var sim = new Sim(StartSimulator([Single], exact, TimeSpan.Zero, [], 0));
            using var randomPhase = new Sim(StartSimulator([Single], exact, exact + PhaseSpread, [], 0));
            for (int i = -1; i < runs; i++)
            {
                foreach (var (name, path) in agents)
                {
                    Fence fence = sim.FenceOne(path, Single, exact, failures);
                    Fence late = randomPhase.FenceOne(path, Single, null, failures);
                    if (i >= 0)
                    {
                        (single.TryGetValue((name, delay), out var list) ? list : single[(name, delay)] = []).Add(fence);
                        (phased.TryGetValue((name, delay), out var other) ? other : phased[(name, delay)] = []).Add(late);
                    }
                }

                Console.Write('.');
            }

            Console.WriteLine($" load {BenchEnvironment.LoadAverage()}");
        }

        Console.Write("mass fencing: ");
        var mass = new Dictionary<string, List<MassRun>>();
        string[] guests = [.. Enumerable.Range(1, MassGuests).Select(i => $"MASS{i:D2}")];
        using (var sim = new Sim(StartSimulator(guests, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), [MassFault], MassWorkers)))
        {
            for (int i = 0; i < massRuns; i++)
            {
                (mass.TryGetValue(Ours, out var o) ? o : mass[Ours] = []).Add(sim.FenceMany(guests.Select(g => (ours, g)), failures));
                (mass.TryGetValue(Upstream, out var u) ? u : mass[Upstream] = []).Add(sim.FenceMany(guests.Select(g => (upstream, g)), failures));
                (mass.TryGetValue(OnePlugList, out var p) ? p : mass[OnePlugList] = []).Add(sim.FenceMany([(ours, string.Join(',', guests))], failures));
                Console.Write('.');
            }
        }

        Console.WriteLine($" load {BenchEnvironment.LoadAverage()}");
        string markdown = Markdown(single, phased, mass, runs, massRuns, loadBefore, BenchEnvironment.LoadAverage(), failures);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "latency.md"), markdown);
        Console.WriteLine($"written: {Path.Combine(output, "latency.md")}");
        return failures.Count == 0 ? 0 : 1;
    }

    private const string OnePlugList = "ours, 1 process with 16 plugs";

    private static SmapiSimulator StartSimulator(string[] guests, TimeSpan delay, TimeSpan delayMax, string[] faults, int workers) =>
        SmapiSimulator.Start(new SimulatorOptions
        {
            Listen = [new IPEndPoint(IPAddress.Loopback, 0)],
            Guests = [.. guests.Select(g => GuestDefinition.Parse(g + "=on"))],
            Users = [SmapiUser.Parse($"{BenchEnvironment.User}:{BenchEnvironment.Password}")],
            DeactivateDelay = delay,
            DeactivateDelayMax = delayMax,
            Faults = [.. faults.Select(FaultSpec.Parse)],
            Workers = workers,
        });

    /// <summary>One fence: how long after the real logoff the agent exited, its status queries, and those per second waited.</summary>
    internal readonly record struct Fence(double PastLogoffMs, int Queries, double QueriesPerSecondWaited);

    /// <summary>One mass fencing: every time past the logoff, the wall time for all, SMAPI requests and status queries.</summary>
    internal sealed record MassRun(double[] PastLogoffMs, double WallSeconds, long Requests, int StatusQueries, int Fences);

    /// <summary>The simulator with the agents' runs against it.</summary>
    private sealed class Sim(SmapiSimulator simulator) : IDisposable
    {
        /// <param name="delay">The deactivation time when it is fixed; null when random (no rate per second then).</param>
        public Fence FenceOne(string agent, string guest, TimeSpan? delay, List<string> failures)
        {
            simulator.System.Activate(guest);
            int before = simulator.System.Find(guest)!.StatusQueries;
            DateTimeOffset exited = RunAgent(agent, guest, failures);
            GuestSnapshot after = simulator.System.Find(guest)!;
            if (after.LogoffTime is not { } logoff || after.State != GuestState.Off || exited < logoff)
            {
                failures.Add($"{Path.GetFileName(agent)} {guest}: not verified off before the exit ({after.State}, logoff {after.LogoffTime:O}, exit {exited:O})");
                return new Fence(double.NaN, 0, double.NaN);
            }

            int queries = after.StatusQueries - before;
            double perSecond = delay is { } d ? (queries - 1) / (exited - (logoff - d)).TotalSeconds : double.NaN;
            return new Fence((exited - logoff).TotalMilliseconds, queries, perSecond);
        }

        public MassRun FenceMany(IEnumerable<(string Agent, string Plugs)> fences, List<string> failures)
        {
            var list = fences.ToList();
            string[] guests = [.. list.SelectMany(f => f.Plugs.Split(','))];
            foreach (string guest in guests)
            {
                simulator.System.Activate(guest);
            }

            long requestsBefore = simulator.Workers.Served;
            int queriesBefore = simulator.System.Snapshot().Sum(g => g.StatusQueries);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            Task<DateTimeOffset>[] exits = [.. list.Select(f => Task.Factory.StartNew(() => RunAgent(f.Agent, f.Plugs, failures), TaskCreationOptions.LongRunning))];
            Task.WaitAll(exits);
            double wall = (exits.Max(e => e.Result) - started).TotalSeconds;
            var late = new List<double>();
            for (int i = 0; i < list.Count; i++)
            {
                GuestSnapshot[] fenced = [.. list[i].Plugs.Split(',').Select(g => simulator.System.Find(g)!)];
                if (fenced.Any(g => g.State != GuestState.Off || g.LogoffTime is not { } t || t > exits[i].Result))
                {
                    failures.Add($"{Path.GetFileName(list[i].Agent)} {list[i].Plugs}: not every guest verified off before the exit");
                    continue;
                }

                late.Add((exits[i].Result - fenced.Max(g => g.LogoffTime!.Value)).TotalMilliseconds);
            }

            return new MassRun([.. late], wall, simulator.Workers.Served - requestsBefore,
                simulator.System.Snapshot().Sum(g => g.StatusQueries) - queriesBefore, guests.Length);
        }

        public void Dispose() => simulator.StopAsync().GetAwaiter().GetResult();

        /// <summary>Runs one -o off to its end; the wall-clock instant it exited.</summary>
        private DateTimeOffset RunAgent(string agent, string plugs, List<string> failures)
        {
            DateTimeOffset started = DateTimeOffset.UtcNow;
            ProcessResult run = ProcessRunner.RunAsync(agent, [.. BenchEnvironment.Connection(simulator.TcpEndpoints[0].Port), "-o", "off", "-n", plugs], timeout: AgentTimeout)
                .GetAwaiter().GetResult();
            if (run.ExitCode != 0 || !run.Stdout.Contains("Success: Powered OFF", StringComparison.Ordinal))
            {
                lock (failures)
                {
                    failures.Add($"{Path.GetFileName(agent)} -n {plugs}: exit {run.ExitCode}: {run.Stdout.Trim()} {run.Stderr.Trim()}");
                }
            }

            // The runner times the process from its start to its exit: on the wall clock, the exit.
            return started + run.Elapsed;
        }
    }

    private static string Markdown(Dictionary<(string Agent, double Delay), List<Fence>> single, Dictionary<(string Agent, double Delay), List<Fence>> phased, Dictionary<string, List<MassRun>> mass,
        int runs, int massRuns, string loadBefore, string loadAfter, List<string> failures)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Time to fence ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Line($"");
        Line($"{Environment.ProcessorCount} cores; load average {loadBefore} before, {loadAfter} after; `-o off` of one guest against the in-process simulator, {runs} runs per deactivation time, ours and upstream alternating.");
        Line($"Time from the real logoff (recorded by the simulator) to the agent's exit, median of the runs, in ms; the last column is the median of the four.");
        Line($"");
        Line($"| D (ms) | {string.Join(" | ", Delays.Select(d => (d * 1000).ToString("0", CultureInfo.InvariantCulture)))} | median |");
        Line($"|---|{string.Concat(Delays.Select(_ => "---:|"))}---:|");
        foreach (string agent in (string[])[Ours, Upstream])
        {
            double[] medians = [.. Delays.Select(d => Median(single[(agent, d)].Select(f => f.PastLogoffMs)))];
            Line($"| {agent} | {string.Join(" | ", medians.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} | {Median(medians):0} ms |");
        }

        Line($"");
        Line($"The same with each deactivation taking D plus a random 0-1 s (the logoff at any moment of a poll period):");
        Line($"");
        Line($"| D (ms) + 0-1 s | {string.Join(" | ", Delays.Select(d => (d * 1000).ToString("0", CultureInfo.InvariantCulture)))} | median |");
        Line($"|---|{string.Concat(Delays.Select(_ => "---:|"))}---:|");
        foreach (string agent in (string[])[Ours, Upstream])
        {
            double[] medians = [.. Delays.Select(d => Median(phased[(agent, d)].Select(f => f.PastLogoffMs)))];
            double[] all = Sorted(Delays.SelectMany(d => phased[(agent, d)].Select(f => f.PastLogoffMs)));
            Line($"| {agent} | {string.Join(" | ", medians.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} | {Median(medians):0} ms (p90 of all {Percentile.Of(all, 0.9):0} ms) |");
        }

        Line($"");
        Line($"Status queries per fence (median; the first is the status check before the request) and per second waited (from the request to the exit; highest of the runs):");
        Line($"");
        Line($"| D (ms) | {string.Join(" | ", Delays.Select(d => (d * 1000).ToString("0", CultureInfo.InvariantCulture)))} |");
        Line($"|---|{string.Concat(Delays.Select(_ => "---:|"))}");
        foreach (string agent in (string[])[Ours, Upstream])
        {
            Line($"| {agent}: queries per fence | {string.Join(" | ", Delays.Select(d => Median(single[(agent, d)].Select(f => (double)f.Queries)).ToString("0.#", CultureInfo.InvariantCulture)))} |");
            Line($"| {agent}: per second waited, max | {string.Join(" | ", Delays.Select(d => single[(agent, d)].Max(f => f.QueriesPerSecondWaited).ToString("0.0", CultureInfo.InvariantCulture)))} |");
        }

        Line($"");
        Line($"## Mass fencing");
        Line($"");
        Line($"{MassGuests} guests, deactivations 0.5-2 s (random), every response 40 ms late (`--fault {MassFault}`), {MassWorkers} worker servers (`--workers {MassWorkers}`); {massRuns} runs, alternating. Upstream takes one plug per process.");
        Line($"");
        string[] variants = [Ours + ", 16 processes", Upstream + ", 16 processes", OnePlugList];
        string[] keys = [Ours, Upstream, OnePlugList];
        Line($"| | {string.Join(" | ", variants)} |");
        Line($"|---|---:|---:|---:|");
        Line($"| exit past the real logoff, p50 (ms) | {Cells(keys, mass, k => Percentile.Of(Sorted(mass[k].SelectMany(r => r.PastLogoffMs)), 0.5), "0")} |");
        Line($"| exit past the real logoff, p99 (ms) | {Cells(keys, mass, k => Percentile.Of(Sorted(mass[k].SelectMany(r => r.PastLogoffMs)), 0.99), "0")} |");
        Line($"| wall time for the 16, median (s) | {Cells(keys, mass, k => Median(mass[k].Select(r => r.WallSeconds)), "0.00")} |");
        Line($"| SMAPI requests per second, median | {Cells(keys, mass, k => Median(mass[k].Select(r => r.Requests / r.WallSeconds)), "0.0")} |");
        Line($"| status queries per fence, median | {Cells(keys, mass, k => Median(mass[k].Select(r => (double)r.StatusQueries / r.Fences)), "0.0")} |");
        Line($"");
        Line($"Every fence verified (exit 0, \"Success: Powered OFF\", guest off, exit after its logoff): {(failures.Count == 0 ? "yes" : $"no, {failures.Count} failures")}.");
        foreach (string failure in failures.Take(20))
        {
            Line($"- {failure}");
        }

        return text.ToString();
    }

    private static string Cells(string[] keys, Dictionary<string, List<MassRun>> mass, Func<string, double> value, string format) =>
        string.Join(" | ", keys.Select(k => mass.ContainsKey(k) ? value(k).ToString(format, CultureInfo.InvariantCulture) : "-"));

    private static double[] Sorted(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Where(v => !double.IsNaN(v)).Order()];
        return sorted.Length == 0 ? [double.NaN] : sorted;
    }

    private static double Median(IEnumerable<double> values) => Percentile.Of(Sorted(values), 0.5);
}
