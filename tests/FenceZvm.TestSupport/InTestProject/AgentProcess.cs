namespace FenceZvm.Tests.Support;

/// <summary>The published fence_zvmip binary, run as a process.</summary>
public static class AgentProcess
{
    public static string Path => RepoPaths.Binary("fence_zvmip");

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments);

    public static Task<ProcessResult> RunWithStdinAsync(string stdin, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync(Path, [], stdin, environment);

    /// <summary>The usual connection arguments for a simulator, plain TCP.</summary>
    public static string[] Connection(SimulatorHost sim, string user = SimulatorHost.User, string password = SimulatorHost.Password) =>
        ["--disable-ssl", "-a", "127.0.0.1", "-u", sim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", user, "-p", password];

    public static Task<ProcessResult> RunAsync(SimulatorHost sim, params string[] arguments) =>
        RunAsync([.. Connection(sim), .. arguments]);
}
