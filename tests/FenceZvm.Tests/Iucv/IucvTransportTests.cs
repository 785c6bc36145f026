using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using FenceZvm.Smapi.Client;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Transport;
using FenceZvm.Smapi.Transport.Iucv;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Iucv;

public sealed class IucvTransportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public void ALongServerNameIsRejectedBeforeAnySystemCall()
    {
        var transport = new IucvTransport("VSMREQIU9");
        var e = Assert.Throws<SmapiTransportException>(() => transport.Connect(Bound, CancellationToken.None));
        Assert.That(e!.Failure, Is.EqualTo(TransportFailure.ConnectFailed));
        Assert.That(e.Message, Is.EqualTo("Unable to connect to IUCV VSMREQIU9: the SMAPI server name 'VSMREQIU9' is longer than 8 characters"));
    }

    [Test]
    public void WithoutAfIucvTheConnectFailsAtOnceWithTheReason()
    {
        Assume.That(RuntimeInformation.ProcessArchitecture, Is.Not.EqualTo(Architecture.S390x), "IBM Z may have AF_IUCV");
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<SmapiTransportException>(() => new IucvTransport("VSMREQIU").Connect(Bound, CancellationToken.None));
        Assert.That(e!.Failure, Is.EqualTo(TransportFailure.ConnectFailed));
        Assert.That(e.Message, Does.StartWith("Unable to connect to IUCV VSMREQIU: this system has no AF_IUCV"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void AMissingStandInSocketIsNamed()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fence-zvm-missing-{Guid.NewGuid():N}.sock");
        var e = Assert.Throws<SmapiTransportException>(() => new IucvTransport("VSMREQIU", path).Connect(Bound, CancellationToken.None));
        Assert.That(e!.Message, Is.EqualTo($"Unable to connect to IUCV VSMREQIU (stand-in {path}): the IUCV stand-in socket {path} does not exist"));
    }

    [Test]
    public async Task TheClientRunsOverTheStandInWithEmptyCredentials()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], iucvCaller: "CNODE2");
        var client = new SmapiClient(new IucvTransport("vsmreqiu", sim.IucvSocket), new SmapiClientOptions { Timeout = Bound });
        SmapiResponse r = client.Call(ImageStatusQuery.Function.Request(SmapiCredentials.None, "CNODE1"));
        Assert.That((r.ReturnCode, r.ReasonCode), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task ASilentServerTimesOutWithinTheExchangeTimeout()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], faults: ["silence"], iucvCaller: "CNODE2");
        var timeout = TimeSpan.FromSeconds(1);
        var client = new SmapiClient(new IucvTransport("VSMREQIU", sim.IucvSocket), new SmapiClientOptions { Timeout = timeout });
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SmapiTransportException>(async () => client.Call(ImageStatusQuery.Function.Request(SmapiCredentials.None, "CNODE1")));
        Assert.That(e!.Failure, Is.EqualTo(TransportFailure.Timeout), e.Message);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void AConnectTheServerDoesNotAcceptIsCancelled()
    {
        using var server = new FullBacklogSocket();
        string path = server.Path;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        // As AF_IUCV waits for the server to accept, so a Unix-domain connect waits for room in a full backlog.
        Assert.Catch<OperationCanceledException>(() => NativeConnector.Connect(
            SockaddrUnix.AfUnix, SockaddrUnix.Build(path), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), "test", IucvErrors.StrError, cancel.Token));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "a blocked connect must not hold the caller");
    }

    [Test]
    public void AFullStandInBacklogIsTheConnectionLimitAndBusyAtOnce()
    {
        using var server = new FullBacklogSocket();
        string path = server.Path;
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<SmapiTransportException>(() => new IucvTransport("VSMREQIU", path).Connect(TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.That(e!.Failure, Is.EqualTo(TransportFailure.Busy), e.Message);
        Assert.That(e.Message, Does.EndWith($"the IUCV stand-in socket {path} is at its connection limit (its listen backlog is full)"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void AStreamReadThatWaitsPastItsReadTimeoutThrowsTimeoutException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fence-zvm-quiet-{Guid.NewGuid():N}.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        try
        {
            using Stream stream = new IucvTransport("VSMREQIU", path).Connect(Bound, CancellationToken.None);
            stream.ReadTimeout = 200;
            var watch = Stopwatch.StartNew();

            // On its own thread, so that a read that never times out fails this test instead of hanging it.
            Task<int> read = Task.Factory.StartNew(() => stream.Read(new byte[4]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            bool ended = ((IAsyncResult)read).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5));
            if (!ended)
            {
                stream.Dispose();
            }

            Assert.That(ended, Is.True, "the read ignored its timeout");
            Assert.That(read.Exception?.InnerException, Is.TypeOf<TimeoutException>());
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A Unix-domain socket that never accepts, its listen backlog filled: a connect to it waits, as AF_IUCV does for a busy server.</summary>
    private sealed class FullBacklogSocket : IDisposable
    {
        private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        private readonly List<Socket> fillers = [];

        public FullBacklogSocket()
        {
            listener.Bind(new UnixDomainSocketEndPoint(Path));
            listener.Listen(0);
            if (!Fill())
            {
                Dispose();
                Assert.Inconclusive("could not fill the listen backlog");
            }
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fence-zvm-full-{Guid.NewGuid():N}.sock");

        public void Dispose()
        {
            fillers.ForEach(s => s.Dispose());
            File.Delete(Path);
            listener.Dispose();
        }

        private bool Fill()
        {
            for (int i = 0; i < 64; i++)
            {
                var filler = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { Blocking = false };
                fillers.Add(filler);
                try
                {
                    filler.Connect(new UnixDomainSocketEndPoint(Path));
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.TryAgain)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
