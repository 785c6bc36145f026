namespace FenceZvm.Tests.Support;

/// <summary>Runs the agent through /bin/sh, for redirections a test cannot make otherwise (closed or full streams).</summary>
public static class Shell
{
    /// <summary>The agent with the simulator's connection arguments and a shell <paramref name="redirection"/> such as ">&amp;-".</summary>
    public static Task<ProcessResult> RunAgentAsync(SimulatorHost sim, string redirection, params string[] arguments) =>
        ProcessRunner.RunAsync(
            "/bin/sh",
            ["-c", $"exec \"$0\" \"$@\" {redirection}", AgentProcess.Path, .. AgentProcess.Connection(sim), .. arguments]);

    /// <summary>As <see cref="RunAgentAsync"/>, after the shell commands <paramref name="setup"/> (which may open a descriptor the redirection names).</summary>
    public static Task<ProcessResult> RunAgentAfterAsync(SimulatorHost sim, string setup, string redirection, params string[] arguments) =>
        ProcessRunner.RunAsync(
            "/bin/sh",
            ["-c", $"{setup} && exec \"$0\" \"$@\" {redirection}", AgentProcess.Path, .. AgentProcess.Connection(sim), .. arguments]);
}
