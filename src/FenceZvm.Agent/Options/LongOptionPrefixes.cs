namespace FenceZvm.Agent.Options;

/// <summary>
/// The parts of GNU getopt that System.CommandLine lacks: unique prefixes of long options
/// (--pass for --password) and refusing a value on a flag (--ssl=1).
/// </summary>
internal static class LongOptionPrefixes
{
    public static string[] Expand(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, out string? error)
    {
        error = null;
        var result = new string[args.Count];
        var valueExpected = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            result[i] = arg;
            if (valueExpected)
            {
                valueExpected = false;
                continue;
            }

            if (arg == "--")
            {
                args.Skip(i + 1).ToArray().CopyTo(result, i + 1);
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = arg.IndexOf('=');
                var name = equals < 0 ? arg[2..] : arg[2..equals];
                var spec = Resolve(name, specs, ref error);
                if (error is not null)
                {
                    return result;
                }

                if (spec is null)
                {
                    continue;
                }

                if (!spec.TakesValue && equals >= 0)
                {
                    error = $"Parse error: option --{spec.LongForm} must not have an argument";
                    return result;
                }

                result[i] = spec.LongSwitch + (equals < 0 ? "" : arg[equals..]);
                valueExpected = spec.TakesValue && equals < 0;
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                valueExpected = ShortClusterExpectsValue(arg, specs);
            }
        }

        return result;
    }

    private static OptionSpec? Resolve(string name, IReadOnlyList<OptionSpec> specs, ref string? error)
    {
        var exact = specs.FirstOrDefault(s => s.LongForm == name);
        if (exact is not null || name.Length == 0)
        {
            return exact;
        }

        var candidates = specs.Where(s => s.LongForm.StartsWith(name, StringComparison.Ordinal)).ToArray();
        if (candidates.Length > 1)
        {
            error = $"Parse error: option --{name} not a unique prefix";
        }

        return candidates.Length == 1 ? candidates[0] : null;
    }

    private static bool ShortClusterExpectsValue(string arg, IReadOnlyList<OptionSpec> specs)
    {
        for (var j = 1; j < arg.Length; j++)
        {
            var spec = specs.FirstOrDefault(s => s.ShortForm == arg[j]);
            if (spec is null)
            {
                return false;
            }

            if (spec.TakesValue)
            {
                return j == arg.Length - 1;
            }
        }

        return false;
    }
}
