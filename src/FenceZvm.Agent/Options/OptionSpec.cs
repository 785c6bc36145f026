namespace FenceZvm.Agent.Options;

/// <summary>
/// One row of the option table. Parsers, binding, metadata, help and the man page are all derived
/// from these rows. Rows are bound into <see cref="AgentOptions"/> in table order.
/// </summary>
public sealed record OptionSpec
{
    /// <summary>The metadata (and stdin) name.</summary>
    public required string Name { get; init; }

    /// <summary>The deprecated metadata name this option replaces (listed with deprecated="1").</summary>
    public string? DeprecatedName { get; init; }

    /// <summary>Further stdin names that mean this option, not listed in the metadata.</summary>
    public IReadOnlyList<string> StdinAliases { get; init; } = [];

    public char? ShortForm { get; init; }

    /// <summary>The long form without the leading dashes.</summary>
    public required string LongForm { get; init; }

    /// <summary>The value placeholder shown in getopt mixed, e.g. "[ip]"; null when none is shown.</summary>
    public string? Placeholder { get; init; }

    public required ContentType Content { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public string? Default { get; init; }

    public bool Required { get; init; }

    public required string ShortDesc { get; init; }

    /// <summary>Metadata and --help order; ties are broken by name.</summary>
    public required int Order { get; init; }

    public AgentFlavors Flavors { get; init; } = AgentFlavors.Both;

    /// <summary>Ends the message of a value that does not convert: what its author probably meant instead.</summary>
    public string? MistakeHint { get; init; }

    /// <summary>Extra check after conversion; returns the failure message or null.</summary>
    public Func<OptionValue, string?>? Check { get; init; }

    /// <summary>A warning for a value accepted with upstream's meaning that is probably not what was meant; null when none.</summary>
    public Func<OptionValue, string?>? Oddity { get; init; }

    /// <summary>
    /// How the value lands in the options; null when a cross-option rule in <see cref="OptionBinder"/>
    /// consumes it, or when the option is only accepted and never used (gnutlscli_path).
    /// </summary>
    public Func<AgentOptions, OptionValue, AgentOptions>? Bind { get; init; }

    public bool TakesValue => Content != ContentType.Boolean;

    public string LongSwitch => "--" + LongForm;

    public string GetoptMixed =>
        (ShortForm is { } s ? $"-{s}, " : "") + LongSwitch + (Placeholder is null ? "" : "=" + Placeholder);

    public bool AppliesTo(AgentFlavor flavor) => (Flavors & flavor.ToMask()) != 0;
}
