namespace FenceZvm.Agent.Startup;

/// <summary>Everything one run reads from its process: name, arguments, streams and environment.</summary>
public sealed record AgentInvocation(
    string InvokedAs,
    string[] Arguments,
    TextReader Stdin,
    TextWriter Stdout,
    TextWriter Stderr,
    IReadOnlyDictionary<string, string?> Environment);
