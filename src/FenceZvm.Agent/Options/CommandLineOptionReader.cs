using System.CommandLine;
using System.CommandLine.Parsing;

namespace FenceZvm.Agent.Options;

/// <summary>getopt-like command-line parsing, built with System.CommandLine from the option table.</summary>
internal static class CommandLineOptionReader
{
    private static readonly ParserConfiguration Configuration = new()
    {
        EnablePosixBundling = true,
        ResponseFileTokenReplacer = null,
    };

    public static RawOptions Read(IReadOnlyList<string> args, AgentFlavor flavor, out string? error)
    {
        var raw = new RawOptions();
        var specs = OptionTable.For(flavor);
        if (TryReadActionAlone(args, specs, raw))
        {
            error = null;
            return raw;
        }

        var expanded = LongOptionPrefixes.Expand(args, specs, out error);
        if (error is not null)
        {
            return raw;
        }

        var command = new Command(flavor.AgentName());
        var symbols = new List<(OptionSpec Spec, Option Option)>();
        foreach (var spec in specs)
        {
            Option option = spec.TakesValue
                ? new Option<string[]>(spec.LongSwitch, Aliases(spec)) { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false }
                : new Option<bool>(spec.LongSwitch, Aliases(spec)) { Arity = ArgumentArity.Zero };
            command.Options.Add(option);
            symbols.Add((spec, option));
        }

        var result = command.Parse(expanded, Configuration);
        var consumed = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var (spec, option) in symbols)
        {
            if (result.GetResult(option) is not { Implicit: false } found)
            {
                continue;
            }

            foreach (var token in found.Tokens)
            {
                consumed.Add(token);
            }

            if (spec.TakesValue && found.Tokens.Count < found.IdentifierTokenCount)
            {
                error ??= $"Parse error: option {found.IdentifierToken?.Value ?? spec.LongSwitch} requires argument";
            }

            raw.Set(spec, spec.TakesValue ? found.Tokens.LastOrDefault()?.Value ?? "" : "1");
            if (spec.Name == "verbose")
            {
                raw.VerboseCount = found.IdentifierTokenCount;
            }
        }

        error ??= Leftovers(result, consumed, specs, raw);
        return raw;
    }

    /// <summary>
    /// `-o ACTION`, `--action ACTION` or `--action=ACTION` and nothing else, as pacemaker and pcs ask for
    /// the metadata: read directly, giving what the full parser would. Building the parser is most of
    /// the start-up of `-o metadata` where every method is JIT-compiled (s390x).
    /// </summary>
    private static bool TryReadActionAlone(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, RawOptions raw)
    {
        OptionSpec? action = null;
        foreach (var spec in specs)
        {
            action = spec.Name == "action" ? spec : action;
        }

        string? value = args.Count switch
        {
            1 when action is not null && args[0].StartsWith(action.LongSwitch + "=", StringComparison.Ordinal) => args[0][(action.LongSwitch.Length + 1)..],
            2 when action is not null && (args[0] == action.LongSwitch || args[0] == "-" + action.ShortForm) => args[1],
            _ => null,
        };
        if (action is null || string.IsNullOrEmpty(value) || value[0] == '-')
        {
            return false;
        }

        raw.Set(action, value);
        return true;
    }

    private static string[] Aliases(OptionSpec spec) => spec.ShortForm is { } s ? ["-" + s] : [];

    private static string? Leftovers(ParseResult result, HashSet<Token> consumed, IReadOnlyList<OptionSpec> specs, RawOptions raw)
    {
        var unused = new List<string>();
        var afterDoubleDash = false;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                afterDoubleDash = true;
                continue;
            }

            if (token.Type != TokenType.Argument || consumed.Contains(token))
            {
                continue;
            }

            var value = token.Value;
            if (!afterDoubleDash && value.Length > 1 && value[0] == '-')
            {
                return "Parse error: " + Unrecognized(value, specs);
            }

            unused.Add(value);
        }

        if (unused.Count > 0)
        {
            raw.Warnings.Add("Unused arguments on command line: [" + string.Join(", ", unused.Select(u => $"'{u}'")) + "]");
        }

        return null;
    }

    private static string Unrecognized(string value, IReadOnlyList<OptionSpec> specs)
    {
        if (value.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = value.IndexOf('=');
            return $"option {(equals < 0 ? value : value[..equals])} not recognized";
        }

        var unknown = value.Skip(1).FirstOrDefault(c => specs.All(s => s.ShortForm != c), value[1]);
        return $"option -{unknown} not recognized";
    }
}
