using System.Globalization;

namespace FenceZvm.Agent.Options;

/// <summary>Converts a raw value by the content type of its option, with upstream's failure messages.</summary>
internal static class ValueConverter
{
    private const double MaxNumber = int.MaxValue;

    public static bool TryConvert(OptionSpec spec, string text, out OptionValue value, out string? error)
    {
        error = null;
        value = OptionValue.FromText(text);
        switch (spec.Content)
        {
            case ContentType.Boolean:
                value = new OptionValue(text, text != "0", 0);
                return true;
            case ContentType.Second when TryNumber(text, allowFraction: true, out var seconds):
                value = new OptionValue(text, false, seconds);
                return true;
            case ContentType.Second:
                error = $"Failed: The value you have entered for {spec.LongSwitch} is not a valid time in seconds";
                return false;
            case ContentType.Integer when TryNumber(text, allowFraction: false, out var number):
                value = new OptionValue(text, false, number);
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

    internal static bool TryNumber(string text, bool allowFraction, out double number)
    {
        number = 0;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || !trimmed.All(c => char.IsAsciiDigit(c) || (allowFraction && c == '.')))
        {
            return false;
        }

        if (trimmed[0] == '.' || trimmed[^1] == '.' || trimmed.Count(c => c == '.') > 1)
        {
            return false;
        }

        return double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && number <= MaxNumber;
    }
}
