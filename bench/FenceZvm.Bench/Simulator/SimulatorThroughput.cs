using System.Diagnostics;
using System.Globalization;
using System.Net;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Bench.Simulator;

/// <summary>
/// Requests per second and latency percentiles of the simulator over loopback: N concurrent
/// clients, each Image_Status_Query on its own connection through <see cref="SmapiClient"/>,
/// bounded by a request count and a duration per level.
/// With --client raw a minimal socket client replaces SmapiClient, to measure the server alone.
/// With --server HOST:PORT it loads an smapi-sim started elsewhere (guest CNODE1, user FENCE:secret);
/// --server-pid PID then reports that process's CPU time per request. The CPU columns are
/// microseconds of CPU per request (user, system) of this process, or of the server given by pid.
/// Usage: sim-throughput [--requests N] [--seconds S] [--concurrency 1,16,64] [--client smapi|raw] [--server HOST:PORT [--server-pid PID]].
/// </summary>
internal static class SimulatorThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = Argument(args, "--requests", 100_000);
        double seconds = Argument(args, "--seconds", 5);
        bool raw = ArgumentText(args, "--client", "smapi") == "raw";
        int[] levels = [.. ArgumentText(args, "--concurrency", "1,16,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

        string? external = ArgumentText(args, "--server", string.Empty) is { Length: > 0 } text ? text : null;
        int serverPid = Argument(args, "--server-pid", 0);
        await using SmapiSimulator? simulator = external is null
            ? SmapiSimulator.Start(new SimulatorOptions
            {
                Listen = [new IPEndPoint(IPAddress.Loopback, 0)],
                Guests = [new GuestDefinition("CNODE1")],
                Users = [new SmapiUser("FENCE", "secret")],
                KeptResponses = 1000,
            })
            : null;
        IPEndPoint server = simulator?.TcpEndpoints[0] ?? IPEndPoint.Parse(external!);
        var client = new SmapiClient(new TcpTransport(server.Address.ToString(), server.Port), new SmapiClientOptions { Timeout = TimeSpan.FromSeconds(5) });
        SmapiRequest request = ImageStatusQuery.Function.Request(new SmapiCredentials("FENCE", "secret"), "CNODE1");
        var rawCall = new RawSmapiCall(server, RequestFramer.ToArray(request, FenceZvm.Smapi.Text.TextCodecs.Ascii));
        Func<(TimeSpan User, TimeSpan System)> cpu = serverPid > 0 ? () => ProcessCpu(serverPid) : () => ProcessCpu(Environment.ProcessId);
        // SmapiClient's exchange holds its thread, as it does in the agent; each worker's loop runs it in turn.
        Func<Task<int>> call = raw ? rawCall.CallAsync : () => Task.FromResult(client.Call(request).ReturnCode);

        await RunLevelAsync(call, cpu, 4, 2000, TimeSpan.FromSeconds(2), quiet: true);
        Console.WriteLine($"simulator throughput, Image_Status_Query, one connection per request, loopback, {Environment.ProcessorCount} cores, client {(raw ? "raw socket" : "SmapiClient")}, server {(external is null ? "in process" : external)}, load average {LoadAverage()}");
        Console.WriteLine($"clients  requests  errors  seconds  requests/s   p50 ms   p99 ms  {(serverPid > 0 ? "server" : "process")} CPU us/request user+sys");
        foreach (int level in levels)
        {
            await RunLevelAsync(call, cpu, level, requests, TimeSpan.FromSeconds(seconds), quiet: false);
        }

        return 0;
    }

    private static async Task RunLevelAsync(Func<Task<int>> call, Func<(TimeSpan User, TimeSpan System)> cpu, int concurrency, int maxRequests, TimeSpan duration, bool quiet)
    {
        int issued = 0;
        int errors = 0;
        var latencies = new List<double>[concurrency];
        var cpuBefore = cpu();
        var deadline = Stopwatch.StartNew();

        async Task WorkerAsync(int index)
        {
            var mine = latencies[index] = new List<double>(maxRequests / concurrency + 1);
            while (deadline.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
            {
                long start = Stopwatch.GetTimestamp();
                try
                {
                    if (await call().ConfigureAwait(false) != 0)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is SmapiException or IOException or System.Net.Sockets.SocketException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkerAsync(i))));
        double elapsed = deadline.Elapsed.TotalSeconds;
        var cpuAfter = cpu();
        double[] all = [.. latencies.SelectMany(l => l).Order()];
        if (quiet || all.Length == 0)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{concurrency,7}  {all.Length,8}  {errors,6}  {elapsed,7:F2}  {all.Length / elapsed,10:F0}  {Percentile(all, 0.50),7:F3}  {Percentile(all, 0.99),7:F3}  {PerRequest(cpuAfter.User - cpuBefore.User, all.Length),8:F1} + {PerRequest(cpuAfter.System - cpuBefore.System, all.Length):F1}"));
    }

    private static double PerRequest(TimeSpan cpu, int requests) => cpu.TotalMicroseconds / Math.Max(1, requests);

    /// <summary>User and system CPU time of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms).</summary>
    private static (TimeSpan User, TimeSpan System) ProcessCpu(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const double TickMs = 10;
        return (TimeSpan.FromMilliseconds(long.Parse(fields[11], CultureInfo.InvariantCulture) * TickMs),
            TimeSpan.FromMilliseconds(long.Parse(fields[12], CultureInfo.InvariantCulture) * TickMs));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Argument(string[] args, string name, int fallback) =>
        int.Parse(ArgumentText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static double Argument(string[] args, string name, double fallback) =>
        double.Parse(ArgumentText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string ArgumentText(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
