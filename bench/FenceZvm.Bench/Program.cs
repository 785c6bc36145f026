using BenchmarkDotNet.Running;
using FenceZvm.Bench.EndToEnd;
using FenceZvm.Bench.JitPath;
using FenceZvm.Bench.Simulator;

// sim-throughput: the simulator under concurrent load; latency: time to fence past the real logoff,
// ours and upstream (./build.sh bench latency); jit: the JIT-path proxy for s390x (./build.sh bench jit);
// compare: the end-to-end comparison with
// the upstream agent and the C floor (./build.sh bench); anything else goes to BenchmarkDotNet
// (./build.sh bench micro, or: dotnet run -c Release --project bench/FenceZvm.Bench -- --filter '*').
if (args.Length > 0 && args[0] == "sim-throughput")
{
    return await SimulatorThroughput.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "jit")
{
    return JitPathComparison.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "latency")
{
    return LatencyBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "compare")
{
    return EndToEndComparison.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SimulatorThroughput).Assembly).Run(args);
return 0;
