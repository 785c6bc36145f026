using System.Net;
using System.Net.Sockets;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Processing;
using FenceZvm.Simulator.State;

namespace FenceZvm.Simulator.Server;

/// <summary>
/// The simulated SMAPI server: TCP listeners (and optionally an AF_UNIX socket standing in for
/// AF_IUCV) in front of one <see cref="ZvmSystem"/>. Each connection carries one request.
/// </summary>
public sealed class SmapiSimulator : IAsyncDisposable
{
    private const int Backlog = 512;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Socket> listeners = [];
    private readonly List<Task> acceptLoops = [];
    private readonly ConnectionHandler handler;
    private readonly StateFileWriter? stateFile;
    private readonly GuestHook? guestHook;
    private int activeConnections;
    private int stopped;

    private SmapiSimulator(SimulatorOptions options)
    {
        Options = options;
        System = new ZvmSystem(options.Guests, options.Users, options.ActivateDelay, options.DeactivateDelay, recycleDelay: options.RecycleDelay)
        {
            DeactivateDelayMax = options.DeactivateDelayMax,
        };
        Responses = new ResponseStore(options.KeptResponses);
        Faults = new FaultPlan(options.Faults);
        Workers = new WorkerPool(options.Workers);
        var processor = new SmapiProcessor(System, options.Codec, Responses, options.FunctionalLevel, options.NameLists);
        handler = new ConnectionHandler(options, processor, Responses, Faults, new RequestIdSource(options.FirstRequestId), stopping.Token);
        stateFile = options.StateFile is null ? null : new StateFileWriter(System, options.StateFile);
        guestHook = options.GuestHook is null ? null : new GuestHook(System, options.GuestHook, Console.Error);
    }

    public SimulatorOptions Options { get; }

    public ZvmSystem System { get; }

    public ResponseStore Responses { get; }

    public FaultPlan Faults { get; }

    public WorkerPool Workers { get; }

    /// <summary>The bound TCP addresses (the real port when 0 was asked for).</summary>
    public IReadOnlyList<IPEndPoint> TcpEndpoints { get; private set; } = [];

    public string? IucvSocketPath { get; private set; }

    /// <summary>Binds and starts serving. Listening has begun when this returns.</summary>
    public static SmapiSimulator Start(SimulatorOptions options)
    {
        if (options.Listen.Count == 0 && options.IucvSocket is null)
        {
            throw new SimulatorConfigException("nothing to listen on: give a TCP address or an IUCV socket path");
        }

        if (options.IucvSocket is not null && options.IucvCaller is null)
        {
            throw new SimulatorConfigException("an IUCV socket needs the caller's guest id (--iucv-caller)");
        }

        var simulator = new SmapiSimulator(options);
        try
        {
            simulator.Bind();
            return simulator;
        }
        catch
        {
            simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (Socket listener in listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(acceptLoops).ConfigureAwait(false);
        for (int i = 0; i < 200 && Volatile.Read(ref activeConnections) > 0; i++)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        if (IucvSocketPath is not null)
        {
            File.Delete(IucvSocketPath);
        }

        stateFile?.Dispose();
        guestHook?.Dispose();
        System.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Bind()
    {
        var endpoints = new List<IPEndPoint>();
        foreach (IPEndPoint endpoint in Options.Listen)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listeners.Add(socket);
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(endpoint);
            endpoints.Add((IPEndPoint)socket.LocalEndPoint!);
            if (!Faults.RefuseAll)
            {
                socket.Listen(Backlog);
                acceptLoops.Add(AcceptLoopAsync(socket, null));
            }
        }

        TcpEndpoints = endpoints;
        if (Options.IucvSocket is { } path)
        {
            File.Delete(path);
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listeners.Add(socket);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            IucvSocketPath = path;
            if (!Faults.RefuseAll)
            {
                string caller = Options.IucvCaller!.ToUpperInvariant();
                if (Options.IucvBusy > TimeSpan.Zero)
                {
                    acceptLoops.Add(BusyThenAcceptAsync(socket, FillBacklog(socket, path), caller));
                }
                else
                {
                    socket.Listen(Backlog);
                    acceptLoops.Add(AcceptLoopAsync(socket, caller));
                }
            }
        }
    }

    /// <summary>
    /// The IUCV connection limit (--iucv-busy): a backlog of one, taken by a connection of our own,
    /// so a client's connect finds no room and fails with EAGAIN, as AF_IUCV's does at the limit.
    /// </summary>
    private static Socket FillBacklog(Socket listener, string path)
    {
        listener.Listen(0);
        var filler = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        filler.Connect(new UnixDomainSocketEndPoint(path));
        return filler;
    }

    private async Task BusyThenAcceptAsync(Socket listener, Socket filler, string iucvCaller)
    {
        using (filler)
        {
            try
            {
                await Task.Delay(Options.IucvBusy, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            listener.Listen(Backlog);
        }

        await AcceptLoopAsync(listener, iucvCaller).ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync(Socket listener, string? iucvCaller)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!stopping.IsCancellationRequested)
            {
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            if (iucvCaller is null)
            {
                client.NoDelay = true;
            }

            Interlocked.Increment(ref activeConnections);
            ThreadPool.UnsafeQueueUserWorkItem(
                static async state =>
                {
                    try
                    {
                        using WorkerPool.Lease worker = await state.Self.Workers.TakeAsync(state.Self.stopping.Token).ConfigureAwait(false);
                        await state.Self.handler.HandleAsync(state.Client, state.Caller).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        state.Client.Dispose();
                    }
                    finally
                    {
                        Interlocked.Decrement(ref state.Self.activeConnections);
                    }
                },
                (Self: this, Client: client, Caller: iucvCaller),
                preferLocal: false);
        }
    }
}
