using BenchmarkDotNet.Running;
using FenceZvm.Bench.Simulator;

if (args.Length > 0 && args[0] == "sim-throughput")
{
    return await SimulatorThroughput.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SimulatorThroughput).Assembly).Run(args);
return 0;
