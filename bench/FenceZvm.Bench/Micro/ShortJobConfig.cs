using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace FenceZvm.Bench.Micro;

/// <summary>
/// The default job of the micro-benchmarks: one launch, 3 warm-up and 5 measured iterations
/// (a ShortRun with two more iterations), memory diagnoser on. All of them run in a few minutes.
/// </summary>
internal sealed class ShortJobConfig : ManualConfig
{
    public ShortJobConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
