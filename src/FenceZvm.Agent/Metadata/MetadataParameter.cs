using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Metadata;

/// <summary>One &lt;parameter&gt; of the metadata: an option under its name or under its deprecated name.</summary>
internal sealed record MetadataParameter(string Name, OptionSpec Spec, bool Deprecated)
{
    public string? Obsoletes => Deprecated ? null : Spec.DeprecatedName;

    /// <summary>Every parameter of a flavor, in fence-agents' order: by order, then by name.</summary>
    /// <remarks>A list sorted in place rather than LINQ's OrderBy/ThenBy, whose generic virtual call is
    /// resolved at run time in a NativeAOT image (about a fifth of -o metadata's own work).</remarks>
    public static IReadOnlyList<MetadataParameter> For(AgentFlavor flavor)
    {
        var parameters = new List<MetadataParameter>();
        foreach (var spec in OptionTable.For(flavor))
        {
            parameters.Add(new MetadataParameter(spec.Name, spec, false));
            if (spec.DeprecatedName is { } old)
            {
                parameters.Add(new MetadataParameter(old, spec, true));
            }
        }

        // Names are unique, so the unstable sort gives the one order there is.
        parameters.Sort(static (a, b) => a.Spec.Order != b.Spec.Order
            ? a.Spec.Order.CompareTo(b.Spec.Order)
            : string.CompareOrdinal(a.Name, b.Name));
        return parameters;
    }
}
