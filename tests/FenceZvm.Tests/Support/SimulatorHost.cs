using System.Net;
using System.Security.Cryptography.X509Certificates;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Tests.Support;

/// <summary>
/// An in-process simulated SMAPI server for one test: on a free loopback port, or (with an IUCV
/// caller) on a fresh Unix-domain socket standing in for AF_IUCV.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string User = "FENCEUSR";
    public const string Password = "fence-pw1";

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

    public GuestSnapshot Guest(string name) =>
        System.Find(name) ?? throw new AssertionException($"guest {name} is not defined in the simulator");

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
