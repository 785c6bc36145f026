using System.Text;
using System.Text.RegularExpressions;

namespace FenceZvm.Agent.Metadata;

/// <summary>Greedy wrapping like Python's textwrap (no hyphen breaks, long words kept whole).</summary>
internal static partial class TextWrap
{
    public static string Wrap(string text, int width, int firstIndent, int nextIndent)
    {
        var lines = new List<string>();
        var line = new StringBuilder(new string(' ', firstIndent));
        var indent = firstIndent;
        foreach (var chunk in Chunks().Split(text).Where(c => c.Length > 0))
        {
            var blank = string.IsNullOrWhiteSpace(chunk);
            if (blank && line.Length == indent)
            {
                continue;
            }

            if (line.Length + chunk.Length > width && line.Length > indent)
            {
                lines.Add(line.ToString().TrimEnd());
                indent = nextIndent;
                line.Clear().Append(' ', nextIndent);
                if (blank)
                {
                    continue;
                }
            }

            line.Append(blank ? new string(' ', chunk.Length) : chunk);
        }

        if (line.Length > indent)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex Chunks();
}
