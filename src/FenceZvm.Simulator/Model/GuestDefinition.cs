namespace FenceZvm.Simulator.Model;

/// <summary>A guest defined in the simulated directory, as given on the command line: NAME[=on|off][:stuck].</summary>
public sealed record GuestDefinition(string Name, bool Active = true, bool Stuck = false)
{
    public static GuestDefinition Parse(string spec)
    {
        string rest = spec.Trim();
        bool stuck = false;
        if (rest.EndsWith(":stuck", StringComparison.OrdinalIgnoreCase))
        {
            stuck = true;
            rest = rest[..^":stuck".Length];
        }

        bool active = true;
        int equals = rest.IndexOf('=');
        if (equals >= 0)
        {
            active = rest[(equals + 1)..].ToLowerInvariant() switch
            {
                "on" => true,
                "off" => false,
                _ => throw new SimulatorConfigException($"guest '{spec}': the state must be 'on' or 'off'"),
            };
            rest = rest[..equals];
        }

        return new GuestDefinition(ValidName(rest, $"guest '{spec}'"), active, stuck);
    }

    /// <summary>Checks and upper-cases a z/VM user id.</summary>
    public static string ValidName(string name, string what)
    {
        if (name.Length is < 1 or > 8 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '#' or '@' or '_' or '-'))
        {
            throw new SimulatorConfigException($"{what}: a z/VM user id has 1 to 8 letters, digits or $#@_-");
        }

        return name.ToUpperInvariant();
    }
}
