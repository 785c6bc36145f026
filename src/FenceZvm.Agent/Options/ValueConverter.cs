using System.Globalization;

namespace FenceZvm.Agent.Options;

/// <summary>
/// Converts a raw value by the content type of its option, with upstream's failure messages.
/// Numbers are read as upstream's int() reads them (white space around, a sign, '_' between digits),
/// and seconds may also have a decimal fraction. Every number upstream accepts is accepted: one the
/// agent cannot use as given is brought into range with a warning, with the meaning upstream gives it.
/// </summary>
internal static class ValueConverter
{
    /// <summary>The longest wait the runtime's timers take (2^32 - 2 ms, about 49.7 days).</summary>
    public const double MaxSeconds = 4_294_967;

    public static bool TryConvert(OptionSpec spec, string text, out OptionValue value, out string? error, out string? warning)
    {
        error = null;
        warning = null;
        value = OptionValue.FromText(text);
        switch (spec.Content)
        {
            case ContentType.Boolean:
                value = new OptionValue(text, text != "0", 0);
                return true;
            case ContentType.Second when TryNumber(text, allowFraction: true, out var seconds):
                value = new OptionValue(text, false, Clamp(spec, seconds, 0, MaxSeconds, out warning));
                return true;
            case ContentType.Second:
                error = $"Failed: The value you have entered for {spec.LongSwitch} is not a valid time in seconds";
                return false;
            case ContentType.Integer when TryNumber(text, allowFraction: false, out var number):
                value = new OptionValue(text, false, Clamp(spec, number, int.MinValue, int.MaxValue, out warning));
                return true;
            case ContentType.Integer:
                error = $"Failed: The value you have entered for {spec.LongSwitch} is not a valid integer" + (spec.MistakeHint is { } hint ? $" ({hint})" : "");
                return false;
            case ContentType.Select when spec.Choices.Contains(text.ToLowerInvariant()):
                value = OptionValue.FromText(text.ToLowerInvariant());
                return true;
            case ContentType.Select:
                var choices = string.Join(", ", spec.Choices.Select(c => $"'{c}'"));
                error = $"Failed: You have to enter a valid choice for {spec.LongSwitch} from the valid values: [{choices}]";
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// A number as Python's int() reads it: surrounding white space, an optional sign, decimal digits
    /// (any script's) with single underscores between them; with <paramref name="allowFraction"/>, also
    /// a decimal fraction with digits on both sides of the point.
    /// </summary>
    internal static bool TryNumber(string text, bool allowFraction, out double number)
    {
        number = 0;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        // The digits in ASCII, then parsed unsigned with the sign applied after: the sign and script
        // handling of the number parser is code the stdin path need not JIT-compile on s390x.
        var digits = new char[s.Length];
        int length = 0;
        int i = 0;
        bool negative = i < s.Length && s[i] == '-';
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        if (!ReadDigits(s, ref i, digits, ref length, allowUnderscores: true))
        {
            return false;
        }

        if (allowFraction && i < s.Length && s[i] == '.')
        {
            digits[length++] = '.';
            i++;
            if (!ReadDigits(s, ref i, digits, ref length, allowUnderscores: false))
            {
                return false;
            }
        }

        if (i != s.Length || !double.TryParse(digits.AsSpan(0, length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        number = negative ? -number : number;
        return true;
    }

    private static bool ReadDigits(ReadOnlySpan<char> s, ref int i, char[] digits, ref int length, bool allowUnderscores)
    {
        int start = i;
        while (i < s.Length)
        {
            int digit = DigitValue(s[i]);
            if (digit >= 0)
            {
                digits[length++] = (char)('0' + digit);
            }
            else if (!(allowUnderscores && s[i] == '_' && i > start && i + 1 < s.Length && DigitValue(s[i + 1]) >= 0))
            {
                break;
            }

            i++;
        }

        return i > start;
    }

    /// <summary>A decimal digit of any script; ASCII ones without the Unicode tables.</summary>
    private static int DigitValue(char c) => char.IsAsciiDigit(c) ? c - '0' : c < 128 ? -1 : CharUnicodeInfo.GetDecimalDigitValue(c);

    private static double Clamp(OptionSpec spec, double number, double min, double max, out string? warning)
    {
        warning = null;
        if (number < min)
        {
            warning = min == 0
                ? $"Parse error: Option '{spec.Name}' is negative ({number.ToString(CultureInfo.InvariantCulture)}); using 0"
                : $"Parse error: Option '{spec.Name}' is out of range; using {min.ToString(CultureInfo.InvariantCulture)}";
            return min;
        }

        if (number > max)
        {
            warning = $"Parse error: Option '{spec.Name}' is out of range; using {max.ToString(CultureInfo.InvariantCulture)}";
            return max;
        }

        return number;
    }
}
