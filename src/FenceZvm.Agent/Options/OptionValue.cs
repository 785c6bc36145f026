namespace FenceZvm.Agent.Options;

/// <summary>One option value after conversion by its content type.</summary>
public readonly record struct OptionValue(string Text, bool Flag, double Number)
{
    public TimeSpan Seconds => TimeSpan.FromSeconds(Number);

    public int Integer => (int)Number;

    public static OptionValue FromText(string text) => new(text, false, 0);
}
