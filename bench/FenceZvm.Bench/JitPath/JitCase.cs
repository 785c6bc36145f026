namespace FenceZvm.Bench.JitPath;

/// <summary>
/// One row family of the JIT-path benchmark: how ours, the upstream agent and (where it applies)
/// the C# floor client are invoked, what they read on stdin, and the exit status each must give.
/// After a state-changing run, <see cref="Reset"/> puts the guest back (unmeasured).
/// </summary>
internal sealed record JitCase(string Name, string[] Ours, string? Stdin, string[] Upstream, string? UpstreamStdin, string[]? Floor, int Exit = 0, int FloorExit = 0, bool Reset = false);
