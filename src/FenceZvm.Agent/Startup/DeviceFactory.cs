using FenceZvm.Agent.Device;
using FenceZvm.Agent.Logging;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Startup;

/// <summary>
/// Builds the SMAPI device an action runs against, from the parsed options: one client per SMAPI
/// server named in --ip (tried in order), over TCP/TLS for fence_zvmip or AF_IUCV for fence_zvm.
/// </summary>
public static class DeviceFactory
{
    /// <summary>
    /// Target of the queries whose target SMAPI ignores but authorizes (Image_Name_Query_DM,
    /// Query_API_Functional_Level) when no better one is known, as IBM's own client sends.
    /// </summary>
    public const string FallbackQueryTarget = "FOOBAR";

    /// <summary>
    /// fence_zvmip: the authenticated user (upper case, as z/VM user ids are) and password, TLS unless
    /// disabled. The user is also the target of the queries that only authorize one.
    /// </summary>
    public static IPowerDevice CreateZvmip(AgentOptions options, string password, ILoggerFactory loggers)
    {
        string? user = options.Username?.ToUpperInvariant();
        return Create(
            options,
            loggers,
            options.Hosts.Select(host => TcpOrTls(host, options)),
            new SmapiCredentials(user ?? string.Empty, password),
            new SmapiPowerDeviceOptions { NameQueryTarget = user ?? FallbackQueryTarget });
    }

    /// <summary>
    /// fence_zvm: AF_IUCV to the SMAPI request server (VSMREQIU by default), no user or password
    /// (the caller is this guest), monitor with Query_API_Functional_Level; queries target this
    /// guest's own user id when /proc/sysinfo gives it.
    /// </summary>
    public static IPowerDevice CreateZvm(AgentOptions options, ILoggerFactory loggers, string? standInSocket = null, string? ownGuestId = null)
    {
        standInSocket ??= Environment.GetEnvironmentVariable(IucvTransport.StandInVariable);
        return Create(
            options,
            loggers,
            options.Hosts.Select(server => new IucvTransport(server, standInSocket)),
            SmapiCredentials.None,
            new SmapiPowerDeviceOptions
            {
                NameQueryTarget = ownGuestId ?? GuestIdentity.Read() ?? FallbackQueryTarget,
                MonitorWithFunctionalLevel = true,
            });
    }

    private static IPowerDevice Create(AgentOptions options, ILoggerFactory loggers, IEnumerable<ISmapiTransport> transports, SmapiCredentials credentials, SmapiPowerDeviceOptions deviceOptions)
    {
        ITextCodec codec = TextCodecs.TryGet(options.SmapiEncoding, out ITextCodec selected) ? selected : TextCodecs.Ascii;
        ILogger logger = loggers.CreateLogger("FenceZvm.Agent");
        ILogger trace = loggers.CreateLogger(AgentLogging.FrameTraceCategory);
        var clientOptions = new SmapiClientOptions
        {
            Codec = codec,
            Timeout = IoBounds.ExchangeTimeout(options),

            // No sink when no destination takes the trace: the frames are then not even formatted.
            Trace = trace.IsEnabled(LogLevel.Debug) ? new LoggerTraceSink(trace) : null,
        };
        var hosts = new List<HostCaller>();
        foreach (ISmapiTransport transport in transports)
        {
            hosts.Add(new HostCaller(new SmapiClient(transport, clientOptions), logger, IoBounds.BusyRetryBudget(options)));
        }

        return new SmapiPowerDevice(new FailoverCaller(hosts, logger), credentials, codec, deviceOptions, logger);
    }

    private static ISmapiTransport TcpOrTls(string host, AgentOptions options)
    {
        AddressFamilyPreference family = options.Inet4Only ? AddressFamilyPreference.IPv4Only
            : options.Inet6Only ? AddressFamilyPreference.IPv6Only
            : AddressFamilyPreference.Any;
        var tcp = new TcpTransport(host, options.Port, family);
        return options.Tls switch
        {
            TlsMode.Disabled => tcp,
            _ when options.SslFingerprints.Count > 0 => new TlsTransport(tcp, new TlsSettings { PinnedFingerprints = options.SslFingerprints }),
            TlsMode.Insecure => new TlsTransport(tcp, new TlsSettings { Verify = false }),
            _ => new TlsTransport(tcp, new TlsSettings { CaFile = options.SslCaFile }),
        };
    }
}
