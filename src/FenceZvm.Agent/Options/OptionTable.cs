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
            ShortDesc = "Fencing action", Check = ActionNames.Check,
            Bind = (o, v) => o with { Action = ActionNames.TryParse(v.Text, out var a) ? a : o.Action },
        },
        new()
        {
            Name = "inet4_only", ShortForm = '4', LongForm = "inet4-only", Content = ContentType.Boolean, Order = 1,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Forces agent to use IPv4 addresses only",
            Bind = (o, v) => o with { Inet4Only = v.Flag },
        },
        new()
        {
            Name = "inet6_only", ShortForm = '6', LongForm = "inet6-only", Content = ContentType.Boolean, Order = 1,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Forces agent to use IPv6 addresses only",
            Bind = (o, v) => o with { Inet6Only = v.Flag },
        },
        new()
        {
            Name = "ip", DeprecatedName = "ipaddr", ShortForm = 'a', LongForm = "ip", Placeholder = "[ip]",
            Content = ContentType.String, Required = true, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "IP address or hostname of fencing device",
            Bind = (o, v) => o with { Hosts = v.Text.Split(',') },
        },
        new()
        {
            Name = "ip", DeprecatedName = "ipaddr", ShortForm = 'a', LongForm = "ip", Placeholder = "[ip]",
            Content = ContentType.String, Default = DefaultIucvServer, Order = 1, Flavors = AgentFlavors.Zvm,
            ShortDesc = "Virtual machine name of the SMAPI IUCV server",
            Bind = (o, v) => o with { Hosts = v.Text.Split(',') },
        },
        new()
        {
            Name = "ipport", ShortForm = 'u', LongForm = "ipport", Placeholder = "[port]",
            Content = ContentType.Integer, Default = "44444", Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "TCP/UDP port to use for connection with device", Help = "TCP/UDP port to use (default 44444)",
            Check = v => v.Number is >= 1 and <= 65535 ? null : "Failed: The value you have entered for --ipport is not a valid port number",
            Bind = (o, v) => o with { Port = v.Integer },
        },
        new()
        {
            Name = "username", DeprecatedName = "login", ShortForm = 'l', LongForm = "username", Placeholder = "[name]",
            Content = ContentType.String, Required = true, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Login name",
            Bind = (o, v) => o with { Username = v.Text },
        },
        new()
        {
            Name = "method", ShortForm = 'm', LongForm = "method", Placeholder = "[method]",
            Content = ContentType.Select, Choices = ["onoff", "cycle"], Default = "onoff", Order = 1,
            ShortDesc = "Method to fence", Help = "Method to fence (onoff|cycle) (Default: onoff)",
            Bind = (o, v) => o with { Method = v.Text == "cycle" ? RebootMethod.Cycle : RebootMethod.OnOff },
        },
        new()
        {
            Name = "password", DeprecatedName = "passwd", ShortForm = 'p', LongForm = "password", Placeholder = "[password]",
            Content = ContentType.String, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Login password or passphrase",
            Bind = (o, v) => o with { Password = v.Text },
        },
        new()
        {
            Name = "password_script", DeprecatedName = "passwd_script", ShortForm = 'S', LongForm = "password-script",
            Placeholder = "[script]", Content = ContentType.String, Order = 1, Flavors = AgentFlavors.Zvmip,
            ShortDesc = "Script to run to retrieve password",
            Bind = (o, v) => o with { PasswordScript = v.Text },
        },
        new()
        {
            Name = "plug_separator", LongForm = "plug-separator", Placeholder = "[char]",
            Content = ContentType.String, Default = ",", Order = 100,
            ShortDesc = "Separator for plug parameter when specifying more than 1 plug",
            Check = v => v.Text.Length > 0 ? null : "Failed: The value you have entered for --plug-separator is empty",
            Bind = (o, v) => o with { PlugSeparator = v.Text },
        },
        new()
        {
            Name = "plug", DeprecatedName = "port", ShortForm = 'n', LongForm = "plug", Placeholder = "[id]",
            Content = ContentType.String, Required = true, Order = 1,
            ShortDesc = "Physical plug number on device, UUID or identification of machine",
            Bind = (o, v) => o with { Plugs = v.Text.Split(o.PlugSeparator) },
        },
        new()
        {
            Name = "ssl", ShortForm = 'z', LongForm = "ssl", Content = ContentType.Boolean, Default = "1", Order = 1,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Use SSL connection with verifying certificate (Default)",
        },
        new()
        {
            Name = "ssl_insecure", LongForm = "ssl-insecure", Content = ContentType.Boolean, Order = 1,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Use SSL connection without verifying certificate",
        },
        new()
        {
            Name = "ssl_secure", LongForm = "ssl-secure", Content = ContentType.Boolean, Order = 1,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Use SSL connection with verifying certificate",
        },
        new()
        {
            Name = "disable_ssl", LongForm = "disable-ssl", Content = ContentType.Boolean, Order = 2,
            Flavors = AgentFlavors.Zvmip, ShortDesc = "Don't use SSL", Help = "Don't use SSL connection",
        },
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
        new()
        {
            Name = "quiet", ShortForm = 'q', LongForm = "quiet", Content = ContentType.Boolean, Order = 50,
            ShortDesc = "Disable logging to stderr. Does not affect --verbose or --debug-file or logging to syslog.",
            Bind = (o, v) => o with { Quiet = v.Flag },
        },
        new()
        {
            Name = "verbose", ShortForm = 'v', LongForm = "verbose", Content = ContentType.Boolean, Order = 51,
            ShortDesc = "Verbose mode. Multiple -v flags can be stacked on the command line (e.g., -vvv) to increase verbosity.",
        },
        new()
        {
            Name = "verbose_level", LongForm = "verbose-level", Content = ContentType.Integer, Order = 52,
            ShortDesc = "Level of debugging detail in output. Defaults to the number of --verbose flags specified on the command line, or to 1 if verbose=1 in a stonith device configuration (i.e., on stdin).",
        },
        new()
        {
            Name = "debug_file", DeprecatedName = "debug", ShortForm = 'D', LongForm = "debug-file", Placeholder = "[debugfile]",
            Content = ContentType.String, Order = 53,
            ShortDesc = "Write debug information to given file", Help = "Debugging to output file",
            Check = PathCheck("--debug-file"),
            Bind = (o, v) => o with { DebugFile = v.Text },
        },
        new()
        {
            Name = "version", ShortForm = 'V', LongForm = "version", Content = ContentType.Boolean, Order = 54,
            ShortDesc = "Display version information and exit",
            Bind = (o, v) => o with { ShowVersion = v.Flag },
        },
        new()
        {
            Name = "help", ShortForm = 'h', LongForm = "help", Content = ContentType.Boolean, Order = 55,
            ShortDesc = "Display help and exit", Help = "Display this help and exit",
            Bind = (o, v) => o with { ShowHelp = v.Flag },
        },
        new()
        {
            Name = "separator", ShortForm = 'C', LongForm = "separator", Placeholder = "[char]",
            Content = ContentType.String, Default = ",", Order = 100,
            ShortDesc = "Separator for CSV created by 'list' operation",
            Bind = (o, v) => o with { Separator = v.Text },
        },
        Seconds("delay", "0", "Wait X seconds before fencing is started", (o, t) => o with { Delay = t }),
        new()
        {
            Name = "disable_timeout", LongForm = "disable-timeout", Placeholder = "[true/false]",
            Content = ContentType.String, Order = 200,
            ShortDesc = "Disable timeout (true/false) (default: true when run from Pacemaker 2.0+)",
        },
        Seconds("login_timeout", "5", "Wait X seconds for cmd prompt after login", (o, t) => o with { LoginTimeout = t }),
        new()
        {
            Name = "missing_as_off", LongForm = "missing-as-off", Content = ContentType.Boolean, Default = "0", Order = 200,
            ShortDesc = "Count a guest that the z/VM system does not define as OFF instead of failing. Off by default, unlike upstream: a misspelt plug or host map entry then fails the fence instead of reporting a running node fenced",
            Bind = (o, v) => o with { MissingAsOff = v.Flag },
        },
        Seconds("power_timeout", "20", "Test X seconds for status change after ON/OFF", (o, t) => o with { PowerTimeout = t }),
        Seconds("power_wait", "0", "Wait X seconds after issuing ON/OFF", (o, t) => o with { PowerWait = t }),
        Seconds("shell_timeout", "5", "Wait X seconds for cmd prompt after issuing command", (o, t) => o with { ShellTimeout = t })
            with { Flavors = AgentFlavors.Zvmip },
        new()
        {
            Name = "timeout", ShortForm = 'T', LongForm = "timeout", Placeholder = "[seconds]",
            Content = ContentType.Second, Default = "5", Order = 200, Flavors = AgentFlavors.Zvm,
            ShortDesc = "Wait X seconds for a response of the SMAPI server",
            Bind = (o, v) => o with { ShellTimeout = v.Seconds },
        },
        Seconds(
            "stonith_status_sleep",
            "1",
            "Sleep X seconds between status calls during a STONITH action; if not set: a call right after the request, "
            + "the next 0.2 s later, then one every 0.1 s for the first 3 s, then pauses growing by half up to the default, 1 s "
            + "(never more than 10 calls per second of waiting)",
            (o, t) => o with { StonithStatusSleep = t }),
        new()
        {
            Name = "retry_on", LongForm = "retry-on", Placeholder = "[attempts]",
            Content = ContentType.Integer, Default = "1", Order = 201,
            ShortDesc = "Count of attempts to retry power on",
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
            ShortDesc = "Path to gnutls-cli binary",
            Bind = (o, _) => o,
        },
    ];

    public static IReadOnlyList<OptionSpec> For(AgentFlavor flavor) => All.Where(s => s.AppliesTo(flavor)).ToArray();

    /// <summary>A file name: not empty, no NUL (the runtime would throw on either when opening it).</summary>
    private static Func<OptionValue, string?> PathCheck(string option) => v =>
        v.Text.Length == 0 ? $"Failed: The value you have entered for {option} is empty"
        : v.Text.Contains('\0', StringComparison.Ordinal) ? $"Failed: The value you have entered for {option} contains a NUL character"
        : null;

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
