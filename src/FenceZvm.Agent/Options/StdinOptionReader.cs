using System.Text;
using FenceZvm.Agent.Secrets;

namespace FenceZvm.Agent.Options;

/// <summary>Reads name=value lines as fenced and pacemaker-fenced send them (fence-agents' _parse_input_stdin).</summary>
internal static class StdinOptionReader
{
    public const int MaxInputChars = 1024 * 1024;

    private static readonly string[] SilentlyIgnored = ["nodename", "agent"];
    private static readonly string[] TrueWords = ["1", "yes", "on", "true"];
    private static readonly string[] FalseWords = ["0", "no", "off", "false"];

    public static RawOptions Read(TextReader input, AgentFlavor flavor, out string? error)
    {
        var raw = new RawOptions();
        var text = ReadBounded(input);
        if (text is null)
        {
            error = "Failed: Standard input is larger than 1 MiB";
            return raw;
        }

        error = null;
        if (!text.Contains('\n', StringComparison.Ordinal) && (text.Contains('\r', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal)))
        {
            raw.Warnings.Add("Parse error: Standard input has no line feeds; lines separated by CR or NUL are read as one line");
        }

        var specs = OptionTable.For(flavor);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=');
            var name = equals < 0 ? line : line[..equals];
            var value = equals < 0 ? "" : Unquote(line[(equals + 1)..]);

            var spec = Find(specs, name);
            if (spec is null)
            {
                if (name == "nodename")
                {
                    raw.NodeName = value;
                }

                if (!SilentlyIgnored.Contains(name))
                {
                    raw.Warnings.Add($"Parse error: Ignoring unknown option '{Redact(name, line, equals >= 0)}'");
                }

                continue;
            }

            if (spec.TakesValue)
            {
                raw.Set(spec, value);
            }
            else if (TrueWords.Contains(value.ToLowerInvariant()))
            {
                raw.Set(spec, "1");
            }
            else if (FalseWords.Contains(value.ToLowerInvariant()))
            {
                raw.Set(spec, "0");
            }
            else
            {
                raw.Warnings.Add($"Parse error: Ignoring option '{spec.Name}' because it does not have value");
            }
        }

        return raw;
    }

    internal static OptionSpec? Find(IReadOnlyList<OptionSpec> specs, string name)
    {
        var normalized = name.Replace('-', '_');
        return specs.FirstOrDefault(s =>
            s.Name == normalized
            || s.DeprecatedName == normalized
            || s.LongForm.Replace('-', '_') == normalized
            || s.StdinAliases.Contains(normalized));
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary>The line, or as much of it as cannot hold a secret (a name alone may be a stray password).</summary>
    private static string Redact(string name, string line, bool hasValue) =>
        !EchoGuard.MayHoldSecret(line) ? line
        : hasValue && !EchoGuard.HasControl(name) ? $"{name}={EchoGuard.Hidden}"
        : EchoGuard.Hidden;

    private static string? ReadBounded(TextReader input)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > MaxInputChars)
            {
                return null;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
