namespace FenceZvm.Agent.Options;

/// <summary>Turns what a front end read into typed <see cref="AgentOptions"/>, row by row of the table, then the cross-option rules.</summary>
internal static class OptionBinder
{
    public const string PacemakerServiceVariable = "PCMK_service";
    public const string PacemakerFencer = "pacemaker-fenced";

    private static readonly string[] TrueWords = ["1", "yes", "on", "true"];

    public static AgentParseResult Bind(RawOptions raw, AgentFlavor flavor, IReadOnlyDictionary<string, string?> environment)
    {
        var options = new AgentOptions { Flavor = flavor };
        var warnings = new List<string>(raw.Warnings);
        string? error = null;

        foreach (var spec in OptionTable.For(flavor))
        {
            if (spec.Bind is null)
            {
                continue;
            }

            if (!raw.TryGet(spec, out var text))
            {
                if (spec.Default is null)
                {
                    continue;
                }

                text = spec.Default;
            }

            if (!ValueConverter.TryConvert(spec, text, out var value, out var failure, out var warning) || (failure = spec.Check?.Invoke(value)) is not null)
            {
                error ??= failure;
                continue;
            }

            if ((warning ?? spec.Oddity?.Invoke(value)) is { } odd)
            {
                warnings.Add(odd);
            }

            options = spec.Bind(options, value);
        }

        options = options with
        {
            Tls = flavor == AgentFlavor.Zvm ? TlsMode.Disabled : TlsRule(raw),
            DisableTimeout = DisableTimeoutRule(raw, environment),
            VerboseLevel = VerboseRule(raw, warnings),
            StonithStatusSleepGiven = raw.Has("stonith_status_sleep"),
        };

        if (IsDocumentationOnly(options))
        {
            error = null;
        }

        return new AgentParseResult(options, warnings, error);
    }

    internal static bool IsDocumentationOnly(AgentOptions options) =>
        options.ShowHelp || options.ShowVersion || options.Action is FenceAction.Metadata or FenceAction.Manpage;

    private static TlsMode TlsRule(RawOptions raw)
    {
        if (raw.IsSet("disable_ssl") || (raw.Has("ssl") && !raw.IsSet("ssl")))
        {
            return TlsMode.Disabled;
        }

        return raw.IsSet("ssl_insecure") ? TlsMode.Insecure : TlsMode.Secure;
    }

    private static bool DisableTimeoutRule(RawOptions raw, IReadOnlyDictionary<string, string?> environment)
    {
        var value = raw.Get("disable_timeout");
        if (value is null && environment.TryGetValue(PacemakerServiceVariable, out var service) && service == PacemakerFencer)
        {
            value = "1";
        }

        return value is not null && TrueWords.Contains(value.ToLowerInvariant());
    }

    private static int VerboseRule(RawOptions raw, List<string> warnings)
    {
        var verbose = raw.IsSet("verbose");
        if (raw.Get("verbose_level") is not { } text)
        {
            return verbose ? Math.Max(1, raw.VerboseCount) : 0;
        }

        if (!ValueConverter.TryNumber(text, allowFraction: false, out var level) || level < 0)
        {
            warnings.Add("Parse error: Option 'verbose_level' must be an integer greater than or equal to 0. Setting verbose_level to 0.");
            level = 0;
        }

        if (level == 0 && verbose)
        {
            warnings.Add("Parse error: Ignoring option 'verbose' because it conflicts with verbose_level=0");
        }

        return (int)Math.Min(level, int.MaxValue);
    }
}
