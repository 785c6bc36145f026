using System.Globalization;
using System.Text.RegularExpressions;

namespace FenceZvm.Smapi.Functions;

/// <summary>Image_Deactivate's force_time: IMMED, WITHIN n (1..65535 seconds) or BY hh:mm[:ss].</summary>
public readonly partial record struct ForceTime
{
    private ForceTime(string text) => Text = text;

    public static ForceTime Immediate { get; } = new("IMMED");

    /// <summary>The text sent on the wire (0..12 characters).</summary>
    public string Text { get; }

    public static ForceTime Within(int seconds)
    {
        if (seconds is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "WITHIN takes 1..65535 seconds");
        }

        return new ForceTime("WITHIN " + seconds.ToString(CultureInfo.InvariantCulture));
    }

    public static ForceTime By(int hours, int minutes, int? seconds = null)
    {
        if (hours is < 0 or > 23 || minutes is < 0 or > 59 || seconds is < 0 or > 59)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), "BY takes a time of day hh:mm[:ss]");
        }

        string text = seconds is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"BY {hours:D2}:{minutes:D2}:{s:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"BY {hours:D2}:{minutes:D2}");
        return new ForceTime(text);
    }

    /// <summary>Parses "IMMED", "WITHIN n" or "BY hh:mm[:ss]" (case-insensitive).</summary>
    public static bool TryParse(string text, out ForceTime forceTime)
    {
        forceTime = default;
        Match m = Syntax().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        try
        {
            forceTime = m.Groups["immed"].Success ? Immediate
                : m.Groups["within"].Success ? Within(int.Parse(m.Groups["within"].Value, CultureInfo.InvariantCulture))
                : By(
                    int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                    m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : null);
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The n of WITHIN n; null for IMMED and BY.</summary>
    public int? WithinSeconds =>
        Text is not null && Text.StartsWith("WITHIN ", StringComparison.Ordinal) ? int.Parse(Text.AsSpan(7), CultureInfo.InvariantCulture) : null;

    public override string ToString() => Text;

    // [0-9], not \d: \d also matches non-ASCII digits, which int.Parse then rejects with a FormatException.
    [GeneratedRegex(@"^(?:(?<immed>IMMED)|WITHIN\s+(?<within>[0-9]{1,5})|BY\s+(?<h>[0-9]{1,2}):(?<m>[0-9]{2})(?::(?<s>[0-9]{2}))?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
