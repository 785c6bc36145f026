using System.Net;
using System.Security.Cryptography.X509Certificates;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Tests.Support;

/// <summary>
/// An in-process simulated SMAPI server for one test: on a free loopback port, or (with an IUCV
/// caller) on a fresh Unix-domain socket standing in for AF_IUCV; and SMAPI clients for it.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string User = "FENCEUSR";
    public const string Password = "fence-pw1";

    /// <summary>The user of <see cref="ThreeGuests"/> that may call every function.</summary>
    public static readonly SmapiCredentials Fence = new("FENCE", "secret");

    private SimulatorHost(SmapiSimulator simulator) => Simulator = simulator;

    public SmapiSimulator Simulator { get; }

    public int Port => Simulator.TcpEndpoints[0].Port;

    public ZvmSystem System => Simulator.System;

    /// <summary>The IUCV stand-in socket (FENCE_ZVM_IUCV_SOCKET), when started with an IUCV caller.</summary>
    public string? IucvSocket => Simulator.IucvSocketPath;

    /// <summary>
    /// Guests like "CNODE1=on", users like "FENCEUSR:pw" (default: <see cref="User"/>, or the IUCV
    /// caller, with every function).
    /// </summary>
    public static SimulatorHost Start(
        IEnumerable<string> guests,
        IEnumerable<string>? users = null,
        IEnumerable<string>? faults = null,
        TimeSpan deactivateDelay = default,
        TimeSpan activateDelay = default,
        string? stateFile = null,
        ITextCodec? encoding = null,
        IPEndPoint? listen = null,
        X509Certificate2? tlsCertificate = null,
        string? iucvCaller = null,
        Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            Listen = iucvCaller is null ? [listen ?? new IPEndPoint(IPAddress.Loopback, 0)] : [],
            Codec = encoding ?? TextCodecs.Ascii,
            IucvSocket = iucvCaller is null ? null : Path.Combine(Path.GetTempPath(), $"fence-zvm-iucv-{Guid.NewGuid():N}.sock"),
            IucvCaller = iucvCaller,
            Guests = guests.Select(GuestDefinition.Parse).ToList(),
            Users = (users ?? [iucvCaller is null ? $"{User}:{Password}" : $"{iucvCaller}:unused"]).Select(SmapiUser.Parse).ToList(),
            Faults = (faults ?? []).Select(FaultSpec.Parse).ToList(),
            DeactivateDelay = deactivateDelay,
            ActivateDelay = activateDelay,
            StateFile = stateFile,
            Tls = tlsCertificate is null ? null : new SimulatorTls(tlsCertificate),
        };
        return new SimulatorHost(SmapiSimulator.Start(configure is null ? options : configure(options)));
    }

    /// <summary>
    /// The simulator tests' z/VM: CNODE1 on, CNODE2 off, CNODE3 on and stuck; users FENCE (<see cref="Fence"/>),
    /// LIMITED (two functions, CNODE1 only), OLD (password expired) and LINUX9.
    /// </summary>
    public static SimulatorOptions ThreeGuests => new()
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

    /// <summary><see cref="ThreeGuests"/>, as <paramref name="configure"/> changes it.</summary>
    public static SimulatorHost Start(Func<SimulatorOptions, SimulatorOptions>? configure = null) =>
        new(SmapiSimulator.Start(configure is null ? ThreeGuests : configure(ThreeGuests)));

    public static SimulatorHost StartWithFaults(params string[] faults) =>
        Start(o => o with { Faults = [.. faults.Select(FaultSpec.Parse)] });

    /// <summary>A client over TCP to this simulator (5 s exchange timeout and ASCII unless told).</summary>
    public SmapiClient Client(TimeSpan? timeout = null, ITextCodec? codec = null) =>
        new(new TcpTransport("127.0.0.1", Port), new SmapiClientOptions
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            Codec = codec ?? TextCodecs.Ascii,
        });

    public GuestSnapshot Guest(string name) =>
        System.Find(name) ?? throw new AssertionException($"guest {name} is not defined in the simulator");

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
