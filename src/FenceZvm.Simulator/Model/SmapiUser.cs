using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Simulator.Model;

/// <summary>
/// A user the simulated server authenticates, with the functions (AUTHLIST) and targets (NAMELIST)
/// it may use; null means all. Spec: NAME:PASSWORD[:FUNCTIONS[:TARGETS[:expired]]], where
/// FUNCTIONS and TARGETS are "all" or comma-separated lists.
/// </summary>
public sealed record SmapiUser(
    string Name,
    string Password,
    IReadOnlySet<SmapiFunction>? Functions = null,
    IReadOnlySet<string>? Targets = null,
    bool PasswordExpired = false)
{
    public bool MayCall(SmapiFunction function) => Functions is null || Functions.Contains(function);

    public bool MayTarget(string target) => Targets is null || Targets.Contains(target);

    public static SmapiUser Parse(string spec)
    {
        string[] parts = spec.Split(':');
        if (parts.Length is < 2 or > 5 || parts[1].Length == 0)
        {
            throw new SimulatorConfigException($"user '{Mask(spec)}': expected NAME:PASSWORD[:FUNCTIONS[:TARGETS[:expired]]]");
        }

        string name = GuestDefinition.ValidName(parts[0], $"user '{parts[0]}'");
        IReadOnlySet<SmapiFunction>? functions = parts.Length > 2 ? ParseFunctions(parts[2], name) : null;
        IReadOnlySet<string>? targets = parts.Length > 3 ? ParseTargets(parts[3]) : null;
        bool expired = false;
        if (parts.Length > 4)
        {
            expired = parts[4].Equals("expired", StringComparison.OrdinalIgnoreCase)
                ? true
                : throw new SimulatorConfigException($"user '{name}': the last field may only be 'expired'");
        }

        return new SmapiUser(name, parts[1], functions, targets, expired);
    }

    private static HashSet<SmapiFunction>? ParseFunctions(string list, string user)
    {
        if (list.Length == 0 || list.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var functions = new HashSet<SmapiFunction>();
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            functions.Add(SmapiFunctions.TryGet(item, StringComparison.OrdinalIgnoreCase, out SmapiFunction function)
                ? function
                : throw new SimulatorConfigException($"user '{user}': unknown function '{item}' (known: {SmapiFunctions.Names()})"));
        }

        return functions;
    }

    private static HashSet<string>? ParseTargets(string list) =>
        list.Length == 0 || list.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? null
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    private static string Mask(string spec)
    {
        int colon = spec.IndexOf(':');
        return colon < 0 ? spec : spec[..colon] + ":***";
    }

    public override string ToString() => $"{Name} (password {(PasswordExpired ? "expired" : "set")})";
}
