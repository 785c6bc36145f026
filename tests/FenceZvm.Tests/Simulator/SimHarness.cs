using System.Net;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Simulator;

/// <summary>An in-process simulator on a loopback port 0, and clients for it.</summary>
internal sealed class SimHarness : IAsyncDisposable
{
    public static readonly SmapiCredentials Fence = new("FENCE", "secret");

    private SimHarness(SmapiSimulator server) => Server = server;

    public SmapiSimulator Server { get; }

    public int Port => Server.TcpEndpoints[0].Port;

    public static SimulatorOptions DefaultOptions => new()
    {
        Listen = [new IPEndPoint(IPAddress.Loopback, 0)],
        Guests = [GuestDefinition.Parse("CNODE1=on"), GuestDefinition.Parse("CNODE2=off"), GuestDefinition.Parse("CNODE3=on:stuck")],
        Users =
        [
            SmapiUser.Parse("FENCE:secret"),
            SmapiUser.Parse("LIMITED:pw:Image_Status_Query,Check_Authentication:CNODE1"),
            SmapiUser.Parse("OLD:pw:all:all:expired"),
            SmapiUser.Parse("LINUX9:unused:Image_Status_Query,Image_Recycle"),
        ],
    };

    public static SimHarness Start(Func<SimulatorOptions, SimulatorOptions>? configure = null) =>
        new(SmapiSimulator.Start(configure is null ? DefaultOptions : configure(DefaultOptions)));

    public static SimHarness StartWithFaults(params string[] faults) =>
        Start(o => o with { Faults = [.. faults.Select(FaultSpec.Parse)] });

    public SmapiClient Client(TimeSpan? timeout = null, ITextCodec? codec = null) =>
        new(new TcpTransport("127.0.0.1", Port), new SmapiClientOptions
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            Codec = codec ?? TextCodecs.Ascii,
        });

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
