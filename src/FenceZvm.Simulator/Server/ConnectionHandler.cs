using System.Buffers.Binary;
using System.Net.Sockets;
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
    private const int LengthNotValid = 36;
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

                if (await ServeAsync(socket, iucvCaller).ConfigureAwait(false))
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"smapi-sim: internal error serving a connection: {e}").ConfigureAwait(false);
            }
        }
    }

    /// <returns>True when the connection should be closed gracefully.</returns>
    private async Task<bool> ServeAsync(Socket socket, string? iucvCaller)
    {
        byte[]? frame = await ReadRequestAsync(socket).ConfigureAwait(false);
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

        FaultSpec? fault = faults.TakeFor(request?.Function.Name, request?.Target?.ToUpperInvariant());
        switch (fault?.Kind)
        {
            case FaultKind.CloseBeforeRequestId:
                return false;
            case FaultKind.Silence:
                await WaitForCloseAsync(socket).ConfigureAwait(false);
                return false;
        }

        uint requestId = ids.Next();
        var writer = new ResponseWriter(socket, fault?.Kind == FaultKind.Fragment, stopping);
        await writer.WriteAsync(ResponseFramer.RequestId(requestId)).ConfigureAwait(false);
        if (fault?.Kind == FaultKind.CloseAfterRequestId)
        {
            return false;
        }

        ProcessedResponse response = fault?.Kind == FaultKind.ReturnCode
            ? ProcessedResponse.Of(fault.Argument, fault.ReasonArgument)
            : rejection ?? processor.Process(request!, iucvCaller);
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
                BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), requestId + 1);
                break;
            case FaultKind.OutputLength:
                BinaryPrimitives.WriteInt32BigEndian(message, fault.Argument);
                break;
            case FaultKind.Truncated:
                BinaryPrimitives.WriteInt32BigEndian(message, message.Length - 4 + 64);
                await writer.WriteAsync(message).ConfigureAwait(false);
                return true;
            case FaultKind.Garbage:
                message = [.. message, .. Garbage];
                break;
        }

        await writer.WriteAsync(message).ConfigureAwait(false);
        return true;
    }

    private async Task<byte[]?> ReadRequestAsync(Socket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.ReadTimeout);
        byte[] first = new byte[FirstRead];
        int received = 0;
        while (received < 4)
        {
            int read = await socket.ReceiveAsync(first.AsMemory(received), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            received += read;
        }

        int inputLength = BinaryPrimitives.ReadInt32BigEndian(first);
        if (inputLength < 0 || inputLength > options.MaxInputLength)
        {
            await RejectLengthAsync(socket, timeout.Token).ConfigureAwait(false);
            return null;
        }

        int total = 4 + inputLength;
        byte[] frame = total == FirstRead ? first : new byte[total];
        int kept = Math.Min(received, total);
        if (frame != first)
        {
            first.AsSpan(0, kept).CopyTo(frame);
        }

        return await ReadExactlyAsync(socket, frame.AsMemory(kept), timeout.Token).ConfigureAwait(false) ? frame : null;
    }

    private async Task RejectLengthAsync(Socket socket, CancellationToken token)
    {
        uint requestId = ids.Next();
        byte[] message = [.. ResponseFramer.RequestId(requestId), .. ResponseFramer.Output(requestId, ReturnCodes.ServerError, LengthNotValid, [])];
        responses.Keep(requestId, message[8..]);
        await new ResponseWriter(socket, false, token).WriteAsync(message).ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);
        byte[] drain = new byte[4096];
        while (await socket.ReceiveAsync(drain, SocketFlags.None, token).ConfigureAwait(false) > 0)
        {
        }
    }

    private async Task WaitForCloseAsync(Socket socket)
    {
        byte[] buffer = new byte[256];
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, stopping).ConfigureAwait(false) > 0)
        {
        }
    }

    private static async ValueTask<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken token)
    {
        while (!buffer.IsEmpty)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            buffer = buffer[read..];
        }

        return true;
    }
}
