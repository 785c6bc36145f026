using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Support;

/// <summary>The published binary invoked as fence_zvm (the artifacts/bin/fence_zvm symlink), run as a process.</summary>
public static class ZvmAgentProcess
{
    public static string Path => RepoPaths.Binary("fence_zvm");

    /// <summary>Without the stand-in variable: the real AF_IUCV path.</summary>
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments, environment: new Dictionary<string, string> { [IucvTransport.StandInVariable] = string.Empty });

    /// <summary>Through the simulator's IUCV stand-in socket.</summary>
    public static Task<ProcessResult> RunAsync(SimulatorHost sim, params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments, environment: StandIn(sim));

    public static Task<ProcessResult> RunWithStdinAsync(SimulatorHost sim, string stdin) =>
        ProcessRunner.RunAsync(Path, [], stdin, StandIn(sim));

    private static Dictionary<string, string> StandIn(SimulatorHost sim) =>
        new() { [IucvTransport.StandInVariable] = sim.IucvSocket ?? throw new InvalidOperationException("the simulator was started without an IUCV caller") };
}
