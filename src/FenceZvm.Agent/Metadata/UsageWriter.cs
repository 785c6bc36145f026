using System.Text;
using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Metadata;

/// <summary>--help, in the layout of fence-agents' usage().</summary>
internal static class UsageWriter
{
    private const int HelpColumn = 31;
    private const int Width = 85;
    private const int FirstIndent = 3;
    private const int NextIndent = 40;

    public static string Write(AgentFlavor flavor)
    {
        var text = new StringBuilder();
        text.Append("Usage:\n");
        text.Append($"\t{flavor.AgentName()} [options]\n");
        text.Append("Options:\n");
        foreach (var spec in InHelpOrder(flavor))
        {
            text.Append(TextWrap.Wrap(HelpLine(spec), Width, FirstIndent, NextIndent)).Append('\n');
        }

        return text.ToString();
    }

    internal static IEnumerable<OptionSpec> InHelpOrder(AgentFlavor flavor) =>
        OptionTable.For(flavor).Select((spec, index) => (spec, index))
            .OrderBy(x => x.spec.Order).ThenBy(x => x.index).Select(x => x.spec);

    internal static string Description(OptionSpec spec) => spec.Name == "action" ? ActionHelp() : spec.ShortDesc;

    /// <summary>--help shows the default of an option that takes a value; the man page has its own note.</summary>
    private static string WithDefault(OptionSpec spec) =>
        spec.Default is { } value && spec.TakesValue && spec.Name != "action" ? $"{Description(spec)} (default: {value})" : Description(spec);

    private static string HelpLine(OptionSpec spec) =>
        spec.GetoptMixed.PadRight(HelpColumn - 1) + " " + WithDefault(spec);

    private static string ActionHelp()
    {
        var names = ActionNames.All.Select(a => a.Action == FenceAction.Reboot ? a.Name + " (default)" : a.Name).ToArray();
        return "What to do with the guest: " + string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
