using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Agent.Options;

/// <summary>
/// The one declarative table of options of fence_zvmip and fence_zvm, modelled on
/// fence-agents' all_opt. Rows are bound in this order (plug_separator before plug).
/// </summary>
public static class OptionTable
{
    public const string DefaultIucvServer = "VSMREQIU";

    public static IReadOnlyList<OptionSpec> All { get; } =
    [
        new()
        {
            Name = "action", StdinAliases = ["option"], ShortForm = 'o', LongForm = "action", Placeholder = "[action]",
            Content = ContentType.String, Default = "reboot", Required = true, Order = 1,
            ShortDesc = "What to do with the guest", Check = ActionNames.Check,
            Bind = (o, v) => o with { Action = ActionNames.TryParse(v.Text, out var a) ? a : o.Action },
        },
        Flag("inet4_only", '4', 1, "Connect over IPv4 only", bind: (o, v) => o with { Inet4Only = v.Flag }, flavors: AgentFlavors.Zvmip),
        Flag("inet6_only", '6', 1, "Connect over IPv6 only", bind: (o, v) => o with { Inet6Only = v.Flag }, flavors: AgentFlavors.Zvmip),
        new()
        {
            Name = "ip", DeprecatedName = "ipaddr", ShortForm = 'a', LongForm = "ip", Placeholder = "[ip]",
            Content = ContentType.String, Required = true, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Host name or IP address of the SMAPI server; several, comma-separated, are tried in order",
            Bind = (o, v) => o with { Hosts = v.Text.Split(',') },
        },
        new()
        {
            Name = "ip", DeprecatedName = "ipaddr", ShortForm = 'a', LongForm = "ip", Placeholder = "[ip]",
            Content = ContentType.String, Default = DefaultIucvServer, Order = 1, Flavors = AgentFlavors.Zvm,
            ShortDesc = "User id of the SMAPI IUCV server to connect to",
            Bind = (o, v) => o with { Hosts = v.Text.Split(',') },
        },
        new()
        {
            Name = "ipport", ShortForm = 'u', LongForm = "ipport", Placeholder = "[port]",
            Content = ContentType.Integer, Default = "44444", Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "TCP port of the SMAPI server",
            MistakeHint = "-u is the SMAPI server's port; the user name is -l/--username",
            Check = v => v.Number is >= 1 and <= 65535 ? null : "Failed: The value you have entered for --ipport is not a valid port number",
            Bind = (o, v) => o with { Port = v.Integer },
        },
        new()
        {
            Name = "username", DeprecatedName = "login", ShortForm = 'l', LongForm = "username", Placeholder = "[name]",
            Content = ContentType.String, Required = true, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "SMAPI user the requests are made as (their authuser)",
            Bind = (o, v) => o with { Username = v.Text },
        },
        new()
        {
            Name = "method", ShortForm = 'm', LongForm = "method", Placeholder = "[method]",
            Content = ContentType.Select, Choices = ["onoff", "cycle"], Default = "onoff", Order = 1,
            ShortDesc = $"How to reboot: onoff (deactivate, then activate) or cycle (one {ImageRecycle.WireName})",
            Bind = (o, v) => o with { Method = v.Text == "cycle" ? RebootMethod.Cycle : RebootMethod.OnOff },
        },
        new()
        {
            Name = "password", DeprecatedName = "passwd", ShortForm = 'p', LongForm = "password", Placeholder = "[password]",
            Content = ContentType.String, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Password of the SMAPI user",
            Bind = (o, v) => o with { Password = v.Text },
        },
        new()
        {
            Name = "password_script", DeprecatedName = "passwd_script", ShortForm = 'S', LongForm = "password-script",
            Placeholder = "[script]", Content = ContentType.String, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Program that prints the password of the SMAPI user",
            Bind = (o, v) => o with { PasswordScript = v.Text },
        },
        new()
        {
            Name = "plug_separator", LongForm = "plug-separator", Placeholder = "[char]",
            Content = ContentType.String, Default = ",", Order = 100,
            ShortDesc = "Character that separates the guests when plug names several",
            Check = v => v.Text.Length > 0 ? null : "Failed: The value you have entered for --plug-separator is empty",
            Bind = (o, v) => o with { PlugSeparator = v.Text },
        },
        new()
        {
            Name = "plug", DeprecatedName = "port", ShortForm = 'n', LongForm = "plug", Placeholder = "[id]",
            Content = ContentType.String, Required = true, Order = 1,
            ShortDesc = "z/VM user id of the guest to fence (several: separated by plug_separator)",
            Bind = (o, v) => o with { Plugs = v.Text.Split(o.PlugSeparator) },
        },
        Flag("ssl", 'z', 1, "Connect with TLS and check the server certificate (the default)", flavors: AgentFlavors.Zvmip, defaultValue: "1"),
        Flag("ssl_insecure", null, 1, "Connect with TLS but accept any server certificate", flavors: AgentFlavors.Zvmip),
        Flag("ssl_secure", null, 1, "Connect with TLS and check the server certificate", flavors: AgentFlavors.Zvmip),
        Flag("disable_ssl", null, 2, "Connect over plain TCP, without TLS", flavors: AgentFlavors.Zvmip),
        new()
        {
            Name = "ssl_ca", LongForm = "ssl-ca", Placeholder = "[file]", Content = ContentType.String, Order = 2,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Trust the certificate authorities in this PEM file for the TLS connection",
            Check = PathCheck("--ssl-ca"),
            Bind = (o, v) => o with { SslCaFile = v.Text },
        },
        new()
        {
            Name = "ssl_fingerprint", LongForm = "ssl-fingerprint", Placeholder = "[SHA256:hex]", Content = ContentType.String, Order = 2,
            Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Accept only a server certificate with one of these SHA-256 fingerprints (SHA256:hex, comma-separated), whatever its chain and name; openssl x509 -noout -fingerprint -sha256 prints one",
            Check = v => CertificateFingerprint.ParseList(v.Text) is null
                ? "Failed: The value you have entered for --ssl-fingerprint is not a list of SHA256: followed by 64 hex digits"
                : null,
            Bind = (o, v) => o with { SslFingerprints = CertificateFingerprint.ParseList(v.Text) ?? [] },
        },
        new()
        {
            Name = "smapi_encoding", LongForm = "smapi-encoding", Placeholder = "[encoding]",
            Content = ContentType.Select, Choices = ["ascii", "ebcdic"], Default = "ascii", Order = 2,
            ShortDesc = "Encoding of SMAPI text fields on the wire (ascii or ebcdic)",
            Bind = (o, v) => o with { SmapiEncoding = v.Text },
        },
        new()
        {
            Name = "zvmsys", LongForm = "zvmsys", Placeholder = "[system]", Content = ContentType.String, Order = 2,
            Flavors = AgentFlavors.Zvm, ShortDesc = "z/VM system (node) of the SMAPI server; accepted for compatibility, no effect",
            Bind = (o, v) => o with { Zvmsys = v.Text },
        },
        Flag("quiet", 'q', 50, "Print no log lines on stderr (syslog, the debug file and -v output are kept)", bind: (o, v) => o with { Quiet = v.Flag }),
        Flag("verbose", 'v', 51, "Log debug lines too; give it more than once (-vvv) for more detail, up to the SMAPI frame trace"),
        new()
        {
            Name = "verbose_level", LongForm = "verbose-level", Content = ContentType.Integer, Order = 52,
            ShortDesc = "How much debug detail to log: by default the count of -v options, or 1 when stdin says verbose=1",
        },
        new()
        {
            Name = "debug_file", DeprecatedName = "debug", ShortForm = 'D', LongForm = "debug-file", Placeholder = "[debugfile]",
            Content = ContentType.String, Order = 53,
            ShortDesc = "Append the debug lines to this file",
            Check = PathCheck("--debug-file"),
            Bind = (o, v) => o with { DebugFile = v.Text },
        },
        Flag("version", 'V', 54, "Print the version and exit", bind: (o, v) => o with { ShowVersion = v.Flag }),
        Flag("help", 'h', 55, "Print this list of options and exit", bind: (o, v) => o with { ShowHelp = v.Flag }),
        new()
        {
            Name = "separator", ShortForm = 'C', LongForm = "separator", Placeholder = "[char]",
            Content = ContentType.String, Default = ",", Order = 100,
            ShortDesc = "Field separator of the list and list-status output",
            Bind = (o, v) => o with { Separator = v.Text },
        },
        Seconds("delay", "0", "Seconds to wait before the action starts", (o, t) => o with { Delay = t }),
        new()
        {
            Name = "disable_timeout", LongForm = "disable-timeout", Placeholder = "[true/false]",
            Content = ContentType.String, Order = 200,
            ShortDesc = "true leaves the deadline to the caller (the default under Pacemaker 2.0 and later); false applies power_timeout",
        },
        Seconds("login_timeout", "5", "Accepted for compatibility; SMAPI has no login prompt (shell_timeout bounds each exchange)", (o, t) => o with { LoginTimeout = t }),
        Flag("missing_as_off", null, 200, "Count a guest that the z/VM system does not define as OFF instead of failing. Off by default, unlike upstream: a misspelt plug or host map entry then fails the fence instead of reporting a running node fenced", bind: (o, v) => o with { MissingAsOff = v.Flag }, defaultValue: "0"),
        Seconds("power_timeout", "20", "Seconds the guest has to reach its new state after off or on", (o, t) => o with { PowerTimeout = t }),
        Seconds("power_wait", "0", "Seconds to pause after each off or on request", (o, t) => o with { PowerWait = t }),
        Seconds("shell_timeout", "5", "Seconds allowed for each phase of a SMAPI exchange (connect, send, request id, response)", (o, t) => o with { ShellTimeout = t })
            with { Flavors = AgentFlavors.Zvmip },
        new()
        {
            Name = "timeout", ShortForm = 'T', LongForm = "timeout", Placeholder = "[seconds]",
            Content = ContentType.Second, Default = "5", Order = 200, Flavors = AgentFlavors.Zvm,
            ShortDesc = "Seconds allowed for each phase of a SMAPI exchange, connecting included",
            Bind = (o, v) => o with { ShellTimeout = v.Seconds },
        },
        Seconds(
            "stonith_status_sleep",
            "1",
            "Seconds between status queries while waiting for a power change; unset, the first query follows the request at "
            + "once, the second 0.2 s later, then one every 0.1 s during the first 3 s, after which each pause is half as long "
            + "again as the one before, up to the default of 1 s (at most 10 queries per second of waiting)",
            (o, t) => o with { StonithStatusSleep = t }),
        new()
        {
            Name = "retry_on", LongForm = "retry-on", Placeholder = "[attempts]",
            Content = ContentType.Integer, Default = "1", Order = 201,
            ShortDesc = "How many times to try powering the guest on",
            Oddity = v => v.Number switch
            {
                < 0 => "Parse error: Option 'retry_on' is negative: 'on' makes no attempt and fails, 'reboot' leaves the guest off",
                0 => "Parse error: Option 'retry_on' is 0: 'reboot' leaves the guest off",
                _ => null,
            },
            Bind = (o, v) => o with { RetryOn = v.Integer },
        },
        new()
        {
            Name = "gnutlscli_path", LongForm = "gnutlscli-path", Placeholder = "[path]",
            Content = ContentType.String, Order = 300, Flavors = AgentFlavors.Zvmip,
            Default = "/usr/bin/gnutls-cli", ShortDesc = "Accepted for compatibility and not used: TLS is built in",
        },
    ];

    public static IReadOnlyList<OptionSpec> For(AgentFlavor flavor)
    {
        var specs = new List<OptionSpec>(All.Count);
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].AppliesTo(flavor))
            {
                specs.Add(All[i]);
            }
        }

        return specs;
    }

    /// <summary>A file name: not empty, no NUL (the runtime would throw on either when opening it).</summary>
    private static Func<OptionValue, string?> PathCheck(string option) => v =>
        v.Text.Length == 0 ? $"Failed: The value you have entered for {option} is empty"
        : v.Text.Contains('\0', StringComparison.Ordinal) ? $"Failed: The value you have entered for {option} contains a NUL character"
        : null;

    /// <summary>A switch that takes no value; its long form is its name with dashes.</summary>
    private static OptionSpec Flag(string name, char? shortForm, int order, string shortDesc, Func<AgentOptions, OptionValue, AgentOptions>? bind = null, AgentFlavors flavors = AgentFlavors.Both, string? defaultValue = null) => new()
    {
        Name = name,
        ShortForm = shortForm,
        LongForm = name.Replace('_', '-'),
        Content = ContentType.Boolean,
        Default = defaultValue,
        Order = order,
        Flavors = flavors,
        ShortDesc = shortDesc,
        Bind = bind,
    };

    private static OptionSpec Seconds(string name, string defaultValue, string shortDesc, Func<AgentOptions, TimeSpan, AgentOptions> bind) => new()
    {
        Name = name,
        LongForm = name.Replace('_', '-'),
        Placeholder = "[seconds]",
        Content = ContentType.Second,
        Default = defaultValue,
        Order = 200,
        ShortDesc = shortDesc,
        Bind = (o, v) => bind(o, v.Seconds),
    };
}
