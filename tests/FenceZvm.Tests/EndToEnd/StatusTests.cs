using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.EndToEnd;

public sealed class StatusTests
{
    [Test]
    public async Task ActiveGuestIsOnWithExitZero()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Status: ON\n"));
        Assert.That(r.Stderr, Is.Empty);
    }

    [Test]
    public async Task InactiveGuestIsOffWithExitTwo()
    {
        await using var sim = SimulatorHost.Start(["CNODE2=off"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE2");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stdout, Is.EqualTo("Status: OFF\n"));
    }

    /// <summary>
    /// The simulator folds the case of targets itself, so the request is read here, off the socket, as a
    /// server would receive it: target and user upper-cased, the password as given.
    /// </summary>
    [Test]
    public async Task LowerCaseTargetIsUpperCasedOnTheWire()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        string port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        Task<ProcessResult> agent = AgentProcess.RunAsync("--disable-ssl", "-a", "127.0.0.1", "-u", port, "-l", "fenceusr", "-p", "Mixed-pw1", "-o", "status", "-n", "cnode1");

        byte[] frame;
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        using (TcpClient client = await listener.AcceptTcpClientAsync(guard.Token))
        {
            NetworkStream stream = client.GetStream();
            byte[] length = new byte[4];
            await stream.ReadExactlyAsync(length, guard.Token);
            frame = [.. length, .. new byte[BinaryPrimitives.ReadInt32BigEndian(length)]];
            await stream.ReadExactlyAsync(frame.AsMemory(4), guard.Token);
        }

        ProcessResult r = await agent;
        DecodedRequest request = RequestDecoder.DecodeFrame(frame, TextCodecs.Ascii);
        Assert.That((request.Function.Name, request.Target, request.User, request.Password), Is.EqualTo(("Image_Status_Query", "CNODE1", "FENCEUSR", "Mixed-pw1")));
        Assert.That(r.ExitCode, Is.EqualTo(1), "the connection closed before the request id: " + r);
    }

    [Test]
    public async Task UnknownGuestFailsAlthoughSmapiSaysNotActive()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "NOSUCH");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, string.Empty)), r.ToString());
        Assert.That(r.Stderr, Does.Contain("NOSUCH is not a guest defined").And.Contain("directory's list of images"));
    }

    [Test]
    public async Task UnknownGuestReportsOffWithMissingAsOff()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "NOSUCH", "--missing-as-off");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((2, "Status: OFF\n")), r.ToString());
    }

    [Test]
    public async Task WrongPasswordFailsWithDecodedReturnCode()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"]);
        ProcessResult r = await AgentProcess.RunAsync([.. AgentProcess.Connection(sim, password: "wrong-pw"), "-o", "status", "-n", "CNODE1"]);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.StderrLines, Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR: Unable to connect/login to fencing device: Image_Status_Query: RC 120 RS 0: authentication error"));
        Assert.That(r.Stderr, Does.Not.Contain("wrong-pw"));
    }

    [Test]
    public async Task UserNotAuthorizedForStatusFailsWithRc100Rs16()
    {
        await using var sim = SimulatorHost.Start(["CNODE1=on"], users: ["FENCEUSR:fence-pw1:Check_Authentication"]);
        ProcessResult r = await AgentProcess.RunAsync(sim, "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Failed: Unable to obtain correct plug status or plug is not available: Image_Status_Query: RC 100 RS 16: not authorized by the server"));
    }

    [Test]
    public async Task NothingListeningFailsAsUnableToConnect()
    {
        int port;
        await using (var sim = SimulatorHost.Start(["CNODE1=on"]))
        {
            port = sim.Port;
        }

        ProcessResult r = await AgentProcess.RunAsync("--disable-ssl", "-a", "127.0.0.1", "-u", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", "U", "-p", "P", "-o", "status", "-n", "CNODE1");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ERROR: Unable to connect/login to fencing device: Unable to connect to 127.0.0.1:" + port + ": connection refused"));
    }
}
