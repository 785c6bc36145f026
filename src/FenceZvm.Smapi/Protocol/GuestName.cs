namespace FenceZvm.Smapi.Protocol;

/// <summary>What is wrong with a text that should be a guest name.</summary>
public enum GuestNameProblem
{
    None,
    Empty,
    TooLong,

    /// <summary>A space, a control or a non-ASCII character.</summary>
    BadCharacter,
}

/// <summary>
/// A z/VM user id as SMAPI carries it: 1 to <see cref="SmapiLimits.GuestName"/> printable ASCII characters,
/// upper case (z/VM user ids are, whatever case a cluster configuration writes them in). It is checked and
/// normalised here once; everything after the option checks carries this type, not a string.
/// </summary>
/// <remarks>
/// A class, not a struct: lists and generic helpers over it then share the code compiled for reference
/// types, where a struct would have each of them compiled once more at every start on s390x (JIT path).
/// </remarks>
public sealed record GuestName
{
    private GuestName(string value) => Value = value;

    public string Value { get; }

    /// <summary>What keeps <paramref name="text"/> from being a guest name, or <see cref="GuestNameProblem.None"/>.</summary>
    public static GuestNameProblem Check(string text)
    {
        if (text.Length == 0)
        {
            return GuestNameProblem.Empty;
        }

        if (text.Length > SmapiLimits.GuestName)
        {
            return GuestNameProblem.TooLong;
        }

        foreach (char c in text)
        {
            if (!IsNameCharacter(c))
            {
                return GuestNameProblem.BadCharacter;
            }
        }

        return GuestNameProblem.None;
    }

    /// <summary>Printable ASCII without the space ('!' to '~'): what any name in an option may hold.</summary>
    public static bool IsNameCharacter(char c) => c is >= '!' and <= '~';

    /// <exception cref="ArgumentException">The text is not a guest name (the option checks refuse such input first).</exception>
    public static GuestName Of(string text) =>
        Check(text) is var problem && problem == GuestNameProblem.None
            ? new GuestName(text.ToUpperInvariant())
            : throw new ArgumentException($"'{text}' is not a guest name ({problem})", nameof(text));

    /// <summary>The name as a request's target.</summary>
    public static implicit operator string(GuestName name) => name.Value;

    public override string ToString() => Value;
}
