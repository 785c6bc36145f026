using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FenceZvm.Bench.Micro;

/// <summary>
/// The default job of the micro-benchmarks: one launch, 3 warm-up and 5 measured iterations
/// (a ShortRun with two more iterations), in process (no separate benchmark project to build),
/// memory diagnoser on. All of them run in a few minutes.
/// </summary>
internal sealed class ShortJobConfig : ManualConfig
{
    public ShortJobConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
