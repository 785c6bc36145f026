using System.Text;

namespace FenceZvm.Agent.Metadata;

/// <summary>Greedy wrapping like Python's textwrap (no hyphen breaks, long words kept whole).</summary>
internal static class TextWrap
{
    public static string Wrap(string text, int width, int firstIndent, int nextIndent)
    {
        var lines = new List<string>();
        var line = new StringBuilder(new string(' ', firstIndent));
        var indent = firstIndent;
        foreach (var chunk in Chunks(text))
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

    /// <summary>
    /// The text cut into alternating runs of white space and of everything else. A loop rather than a
    /// regular expression: the regex engine was the only thing bringing System.Text.RegularExpressions
    /// into the NativeAOT image, and every type in the image costs start-up time.
    /// </summary>
    private static List<string> Chunks(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]) != char.IsWhiteSpace(text[start]))
            {
                chunks.Add(text[start..i]);
                start = i;
            }
        }

        return chunks;
    }
}
