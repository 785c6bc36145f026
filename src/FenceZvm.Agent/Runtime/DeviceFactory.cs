using FenceZvm.Agent.Logging;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.Smapi;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Transport;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Runtime;

/// <summary>Builds the SMAPI device an action runs against, from the parsed options.</summary>
public static class DeviceFactory
{
    public static IPowerDevice CreateZvmip(AgentOptions options, string password, ILoggerFactory loggers)
    {
        ITextCodec codec = Codec(options);
        ILogger logger = loggers.CreateLogger("FenceZvm.Agent");
        var clientOptions = new SmapiClientOptions
        {
            Codec = codec,
            Timeout = IoBounds.ExchangeTimeout(options),
            Trace = new LoggerTraceSink(loggers.CreateLogger(AgentLogging.FrameTraceCategory)),
        };
        HostCaller[] hosts = options.Hosts
            .Select(host => new HostCaller(new SmapiClient(Transport(host, options), clientOptions), logger))
            .ToArray();
        var credentials = new SmapiCredentials(options.Username ?? string.Empty, password);
        var deviceOptions = new SmapiPowerDeviceOptions { NameQueryTarget = options.Username ?? "FOOBAR" };
        return new SmapiPowerDevice(new FailoverCaller(hosts, logger), credentials, codec, deviceOptions, logger);
    }

    private static ISmapiTransport Transport(string host, AgentOptions options)
    {
        AddressFamilyPreference family = options.Inet4Only ? AddressFamilyPreference.IPv4Only
            : options.Inet6Only ? AddressFamilyPreference.IPv6Only
            : AddressFamilyPreference.Any;
        var tcp = new TcpTransport(host, options.Port, family);
        return options.Tls switch
        {
            TlsMode.Disabled => tcp,
            TlsMode.Insecure => new TlsTransport(tcp, new TlsSettings { Verify = false }),
            _ => new TlsTransport(tcp, new TlsSettings { CaFile = options.SslCaFile }),
        };
    }

    private static ITextCodec Codec(AgentOptions options) =>
        TextCodecs.TryGet(options.SmapiEncoding, out ITextCodec codec) ? codec : TextCodecs.Ascii;
}
