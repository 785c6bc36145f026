namespace FenceZvm.Agent.Options;

/// <summary>What a front end read, before conversion: option name to its last value ("1"/"0" for booleans).</summary>
internal sealed class RawOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public int VerboseCount { get; set; }

    /// <summary>
    /// stdin <c>nodename=</c>: not an option, but names the node pacemaker-fenced maps to the plug
    /// (the fencer's environment carries no node name: only PCMK_service and OCF_OUTPUT_FORMAT).
    /// </summary>
    public string? NodeName { get; set; }

    public void Set(OptionSpec spec, string value) => values[spec.Name] = value;

    public bool TryGet(OptionSpec spec, out string value) => values.TryGetValue(spec.Name, out value!);

    public bool IsSet(string name) => values.TryGetValue(name, out var v) && v != "0";

    public bool Has(string name) => values.ContainsKey(name);

    public string? Get(string name) => values.GetValueOrDefault(name);
}
