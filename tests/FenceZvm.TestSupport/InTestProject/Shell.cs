namespace FenceZvm.Tests.Support;

/// <summary>Runs the agent through /bin/sh, for redirections a test cannot make otherwise (closed or full streams).</summary>
public static class Shell
{
    /// <summary>
    /// Opens fd 3 on a pipe that is full and that nobody reads (its reader holds it open and has stopped
    /// reading, as a caller that hangs): a plain write to it waits for ever.
    /// </summary>
    public const string StalledPipeOnFd3 =
        "f=$(mktemp -u) && mkfifo \"$f\" && exec 3<>\"$f\" && rm \"$f\" && { dd if=/dev/zero of=/dev/fd/3 oflag=nonblock bs=4096 count=1024 2>/dev/null; true; }";

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
