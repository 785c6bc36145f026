using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Processing;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Simulator.Server;

/// <summary>
/// Serves one connection: one request, read by length within the read timeout; response 1 (a new
/// request id); the work; response 2; close. Injected faults change what is written and when.
/// </summary>
internal sealed class ConnectionHandler(
    SimulatorOptions options,
    SmapiProcessor processor,
    ResponseStore responses,
    FaultPlan faults,
    RequestIdSource ids,
    CancellationToken stopping)
{
    private const int FirstRead = 256;
    private static readonly byte[] Garbage = "GARBAGE AFTER RESPONSE"u8.ToArray();

    public async Task HandleAsync(Socket socket, string? iucvCaller)
    {
        using (socket)
        {
            try
            {
                if (faults.TakeRefusal())
                {
                    socket.LingerState = new LingerOption(true, 0);
                    return;
                }

                Stream? stream = await OpenAsync(socket, tls: iucvCaller is null ? options.Tls : null).ConfigureAwait(false);
                if (stream is null)
                {
                    return;
                }

                await using (stream.ConfigureAwait(false))
                {
                    if (await ServeAsync(stream, iucvCaller).ConfigureAwait(false))
                    {
                        if (stream is SslStream ssl)
                        {
                            await ssl.ShutdownAsync().ConfigureAwait(false);
                        }

                        socket.Shutdown(SocketShutdown.Send);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
            {
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"smapi-sim: internal error serving a connection: {e}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>The connection's stream: plain, or TLS after a handshake bounded by the read timeout; null after a tls-stall.</summary>
    private async Task<Stream?> OpenAsync(Socket socket, SimulatorTls? tls)
    {
        var plain = new NetworkStream(socket, ownsSocket: false);
        if (tls is null)
        {
            return plain;
        }

        if (faults.TakeTlsStall())
        {
            await WaitForCloseAsync(plain).ConfigureAwait(false);
            return null;
        }

        var ssl = new SslStream(plain, leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.ReadTimeout);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = tls.Certificate }, timeout.Token).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <returns>True when the connection should be closed gracefully.</returns>
    private async Task<bool> ServeAsync(Stream stream, string? iucvCaller)
    {
        byte[]? frame = await ReadRequestAsync(stream).ConfigureAwait(false);
        if (frame is null)
        {
            return false;
        }

        DecodedRequest? request = null;
        ProcessedResponse? rejection = null;
        try
        {
            request = RequestDecoder.DecodeFrame(frame, options.Codec);
        }
        catch (SmapiRequestDecodeException e)
        {
            rejection = ProcessedResponse.Of(e.ReturnCode, e.ReasonCode);
        }

        FaultSpec? fault = faults.TakeFor(request?.Function, request?.Target?.ToUpperInvariant());
        switch (fault?.Kind)
        {
            case FaultKind.CloseBeforeRequestId:
                return false;
            case FaultKind.Silence:
                await WaitForCloseAsync(stream).ConfigureAwait(false);
                return false;
        }

        uint requestId = ids.Next();
        var writer = new ResponseWriter(stream, fault?.Kind == FaultKind.Fragment, stopping);
        if (fault is null)
        {
            // No fault to stage: both responses in one write (one segment instead of two; the work
            // in between is synchronous and takes microseconds, so the request id is not held back).
            ProcessedResponse processed = rejection ?? processor.Process(request!, iucvCaller);
            byte[] both = ResponseFramer.RequestIdAndOutput(requestId, processed.ReturnCode, processed.ReasonCode, processed.Output);
            responses.Keep(requestId, both[8..]);
            await writer.WriteAsync(both).ConfigureAwait(false);
            return true;
        }

        await writer.WriteAsync(ResponseFramer.RequestId(requestId)).ConfigureAwait(false);
        switch (fault?.Kind)
        {
            case FaultKind.CloseAfterRequestId:
                return false;
            case FaultKind.SilenceAfterRequestId:
                await WaitForCloseAsync(stream).ConfigureAwait(false);
                return false;
        }

        ProcessedResponse response = fault?.Kind == FaultKind.ReturnCode
            ? ProcessedResponse.Of(fault.Argument, fault.ReasonArgument)
            : rejection ?? processor.Process(request!, iucvCaller);
        if (fault?.Kind == FaultKind.ReturnCodeAfterWork && rejection is null)
        {
            response = ProcessedResponse.Of(fault.Argument, fault.ReasonArgument);
        }

        byte[] message = ResponseFramer.Output(requestId, response.ReturnCode, response.ReasonCode, response.Output);
        responses.Keep(requestId, message[4..]);
        return await SendOutputAsync(writer, fault, requestId, message).ConfigureAwait(false);
    }

    private async Task<bool> SendOutputAsync(ResponseWriter writer, FaultSpec? fault, uint requestId, byte[] message)
    {
        switch (fault?.Kind)
        {
            case FaultKind.DropAfterWork:
                return false;
            case FaultKind.Delay:
                await Task.Delay(fault.Argument, stopping).ConfigureAwait(false);
                break;
            case FaultKind.WrongRequestId:
                BigEndianWriter.Int32At(message.AsSpan(4), unchecked((int)(requestId + 1)));
                break;
            case FaultKind.OutputLength:
                BigEndianWriter.Int32At(message, fault.Argument);
                break;
            case FaultKind.Truncated:
                BigEndianWriter.Int32At(message, message.Length - 4 + 64);
                await writer.WriteAsync(message).ConfigureAwait(false);
                return true;
            case FaultKind.Garbage:
                message = [.. message, .. Garbage];
                break;
        }

        await writer.WriteAsync(message).ConfigureAwait(false);
        return true;
    }

    private async Task<byte[]?> ReadRequestAsync(Stream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.ReadTimeout);
        byte[] first = new byte[FirstRead];
        int received = 0;
        while (received < 4)
        {
            int read = await stream.ReadAsync(first.AsMemory(received), timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            received += read;
        }

        int inputLength = BigEndianReader.Int32At(first);
        if (inputLength < 0 || inputLength > options.MaxInputLength)
        {
            await RejectLengthAsync(stream, timeout.Token).ConfigureAwait(false);
            return null;
        }

        int total = 4 + inputLength;
        byte[] frame = total == FirstRead ? first : new byte[total];
        int kept = Math.Min(received, total);
        if (frame != first)
        {
            first.AsSpan(0, kept).CopyTo(frame);
        }

        return await ReadExactlyAsync(stream, frame.AsMemory(kept), timeout.Token).ConfigureAwait(false) ? frame : null;
    }

    private async Task RejectLengthAsync(Stream stream, CancellationToken token)
    {
        uint requestId = ids.Next();
        byte[] message = [.. ResponseFramer.RequestId(requestId), .. ResponseFramer.Output(requestId, ReturnCodes.ServerError, ReturnCodes.RsLengthNotValid, [])];
        responses.Keep(requestId, message[8..]);
        await new ResponseWriter(stream, false, token).WriteAsync(message).ConfigureAwait(false);
        await WaitForCloseAsync(stream, token).ConfigureAwait(false);
    }

    private Task WaitForCloseAsync(Stream stream) => WaitForCloseAsync(stream, stopping);

    private static async Task WaitForCloseAsync(Stream stream, CancellationToken token)
    {
        byte[] buffer = new byte[4096];
        while (await stream.ReadAsync(buffer, token).ConfigureAwait(false) > 0)
        {
        }
    }

    private static async ValueTask<bool> ReadExactlyAsync(Stream stream, Memory<byte> buffer, CancellationToken token)
    {
        while (!buffer.IsEmpty)
        {
            int read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            buffer = buffer[read..];
        }

        return true;
    }
}
