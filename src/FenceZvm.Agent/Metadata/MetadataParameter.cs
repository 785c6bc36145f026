using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Metadata;

/// <summary>One &lt;parameter&gt; of the metadata: an option under its name or under its deprecated name.</summary>
internal sealed record MetadataParameter(string Name, OptionSpec Spec, bool Deprecated)
{
    public string? Obsoletes => Deprecated ? null : Spec.DeprecatedName;

    /// <summary>Every parameter of a flavor, in fence-agents' order: by order, then by name.</summary>
    public static IReadOnlyList<MetadataParameter> For(AgentFlavor flavor) =>
        OptionTable.For(flavor)
            .SelectMany(s => s.DeprecatedName is { } old
                ? new[] { new MetadataParameter(s.Name, s, false), new MetadataParameter(old, s, true) }
                : [new MetadataParameter(s.Name, s, false)])
            .OrderBy(p => p.Spec.Order)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
}
