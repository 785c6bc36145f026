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

/// <summary>
/// Builds the fence_zvm device: SMAPI over AF_IUCV to the server named by --ip (VSMREQIU by
/// default), empty user and password (the caller is this guest), Query_API_Functional_Level for
/// monitor. Image_Name_Query_DM and Query_API_Functional_Level target this guest's own user id
/// when /proc/sysinfo gives it, else <see cref="FallbackQueryTarget"/>.
/// </summary>
public static class ZvmDeviceFactory
{
    /// <summary>The query target off z/VM (only a stand-in server can answer there).</summary>
    public const string FallbackQueryTarget = "FOOBAR";

    public static IPowerDevice Create(AgentOptions options, ILoggerFactory loggers, string? standInSocket = null, string? ownGuestId = null)
    {
        ITextCodec codec = TextCodecs.TryGet(options.SmapiEncoding, out ITextCodec selected) ? selected : TextCodecs.Ascii;
        TimeSpan timeout = IoBounds.ExchangeTimeout(options);
        var clientOptions = new SmapiClientOptions
        {
            Codec = codec,
            Timeout = timeout,
            Trace = new LoggerTraceSink(loggers.CreateLogger(AgentLogging.FrameTraceCategory)),
        };
        standInSocket ??= Environment.GetEnvironmentVariable(IucvTransport.StandInVariable);
        var transport = new IucvTransport(options.Hosts[0], timeout, standInSocket);
        var client = new SmapiClient(transport, clientOptions);
        var deviceOptions = new SmapiPowerDeviceOptions
        {
            NameQueryTarget = ownGuestId ?? GuestIdentity.Read() ?? FallbackQueryTarget,
            MonitorWithFunctionalLevel = true,
        };
        return new SmapiPowerDevice(new SingleHostCaller(client, loggers.CreateLogger("FenceZvm.Agent")), SmapiCredentials.None, codec, deviceOptions);
    }
}
