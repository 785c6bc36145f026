namespace FenceZvm.Simulator.Model;

/// <summary>
/// A server-side list of images (VSMWORK1's NAMELIST), usable as the target of Image_Activate,
/// Image_Deactivate and Image_Recycle: NAME=G1,G2,... where NAME has 1 to 64 characters. Members
/// need not be defined: an undefined one fails on its own (200/4) in the failing array.
/// </summary>
public sealed record NameList(string Name, IReadOnlyList<string> Members)
{
    public const int MaxNameLength = 64;

    public static NameList Parse(string spec)
    {
        int equals = spec.IndexOf('=');
        string name = equals < 0 ? string.Empty : spec[..equals].Trim().ToUpperInvariant();
        if (name.Length is < 1 or > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '#' or '@' or '_' or '-' or '.'))
        {
            throw new SimulatorConfigException($"name list '{spec}': expected NAME=GUEST1,GUEST2,... with a NAME of 1 to {MaxNameLength} letters, digits or $#@_-.");
        }

        string[] members = [.. spec[(equals + 1)..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(member => GuestDefinition.ValidName(member, $"name list {name}"))];
        return members.Length > 0 ? new NameList(name, members) : throw new SimulatorConfigException($"name list {name} has no members");
    }
}
