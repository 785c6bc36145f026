namespace FenceZvm.Agent.Options;

/// <summary>The outcome of either front end: options, warnings to log, and the one-line failure if any.</summary>
public sealed record AgentParseResult(AgentOptions Options, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Succeeded => Error is null;
}
