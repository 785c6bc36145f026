using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Trace;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Smapi.Client;

/// <summary>
/// Runs one SMAPI request per connection: connect, send the framed request, read response 1
/// (request id) and response 2 (output) exactly by length, close. Every phase is bounded by the
/// timeout through a cancellation token; responses may arrive in any fragmentation.
/// </summary>
public sealed class SmapiClient
{
    private readonly ISmapiTransport transport;
    private readonly SmapiClientOptions options;

    public SmapiClient(ISmapiTransport transport, SmapiClientOptions options)
    {
        if (options.Timeout <= TimeSpan.Zero || options.Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the SMAPI timeout must be positive and finite");
        }

        this.transport = transport;
        this.options = options;
    }

    public ISmapiTransport Transport => transport;

    public SmapiClientOptions Options => options;

    /// <exception cref="SmapiTransportException">Connect, I/O or timeout failure.</exception>
    /// <exception cref="SmapiProtocolException">The response violates the framing.</exception>
    public async Task<SmapiResponse> CallAsync(SmapiRequest request, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var phase = ExchangePhase.Connect;
        uint? requestId = null;
        try
        {
            deadline.CancelAfter(options.Timeout);
            Stream stream = await transport.ConnectAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                phase = ExchangePhase.Send;
                deadline.CancelAfter(options.Timeout);
                await SendAsync(stream, request, deadline.Token).ConfigureAwait(false);

                PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, leaveOpen: true));
                try
                {
                    phase = ExchangePhase.RequestId;
                    deadline.CancelAfter(options.Timeout);
                    requestId = await ReadRequestIdAsync(reader, deadline.Token).ConfigureAwait(false);
                    options.Trace?.WriteLine(FrameTrace.RequestId(requestId.Value));

                    phase = ExchangePhase.Output;
                    deadline.CancelAfter(options.Timeout);
                    SmapiResponse response = await ReadOutputAsync(reader, requestId.Value, deadline.Token).ConfigureAwait(false);
                    if (options.Trace is { } trace)
                    {
                        foreach (string line in FrameTrace.Response(response))
                        {
                            trace.WriteLine(line);
                        }
                    }

                    return response;
                }
                finally
                {
                    await reader.CompleteAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmapiTransportException(TransportFailure.Timeout, TimeoutMessage(request, phase), requestId, e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            if (phase == ExchangePhase.Connect)
            {
                throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to connect to {transport.Endpoint}: {Reason(e)}", null, e);
            }

            throw new SmapiTransportException(TransportFailure.ConnectionClosed, ClosedMessage(request, phase, Reason(e)), requestId, e);
        }
    }

    private async ValueTask SendAsync(Stream stream, SmapiRequest request, CancellationToken token)
    {
        int length = RequestFramer.GetFramedLength(request);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            RequestFramer.Write(request, options.Codec, buffer);
            if (options.Trace is { } trace)
            {
                foreach (string line in FrameTrace.Request(buffer.AsSpan(0, length), options.Codec))
                {
                    trace.WriteLine(line);
                }
            }

            await stream.WriteAsync(buffer.AsMemory(0, length), token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
        }
        finally
        {
            // The frame holds the password: do not leave it in a shared pool.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static async ValueTask<uint> ReadRequestIdAsync(PipeReader reader, CancellationToken token)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(token).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (ResponseParser.TryReadRequestId(ref buffer, out uint requestId))
            {
                reader.AdvanceTo(buffer.Start);
                return requestId;
            }

            if (result.IsCompleted)
            {
                throw new EndOfStreamException(string.Create(CultureInfo.InvariantCulture, $"connection closed after {buffer.Length} of the 4 bytes of the request id"));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<SmapiResponse> ReadOutputAsync(PipeReader reader, uint requestId, CancellationToken token)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(token).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (ResponseParser.TryReadOutput(ref buffer, requestId, options.MaxOutputLength, out SmapiResponse? response))
            {
                reader.AdvanceTo(buffer.Start);
                return response!;
            }

            if (result.IsCompleted && buffer.IsEmpty)
            {
                throw new EndOfStreamException("connection closed after the request id, before any byte of the response");
            }

            if (result.IsCompleted)
            {
                throw new SmapiProtocolException(ProtocolError.ShortRead, ShortReadMessage(buffer));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string ShortReadMessage(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 4)
        {
            return string.Create(CultureInfo.InvariantCulture, $"SMAPI response: connection closed after {buffer.Length} of the 4 bytes of the output length");
        }

        Span<byte> word = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(word);
        int declared = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(word);
        return string.Create(CultureInfo.InvariantCulture, $"SMAPI response: connection closed after {buffer.Length - 4} of the {declared} bytes of the output");
    }

    private string TimeoutMessage(SmapiRequest request, ExchangePhase phase)
    {
        string seconds = options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        string what = phase switch
        {
            ExchangePhase.Connect => "connecting",
            ExchangePhase.Send => "sending the request",
            ExchangePhase.RequestId => "waiting for the request id",
            _ => "waiting for the response",
        };
        return $"{request.Function.Name}: timed out after {seconds} s {what} ({transport.Endpoint})";
    }

    private string ClosedMessage(SmapiRequest request, ExchangePhase phase, string reason)
    {
        string when = phase switch
        {
            ExchangePhase.Send => "while sending the request",
            ExchangePhase.RequestId => "before the request id arrived",
            _ => "before the response arrived",
        };
        return $"{request.Function.Name}: connection to {transport.Endpoint} lost {when}: {reason}";
    }

    private static string Reason(Exception e) => e switch
    {
        SocketException s => SocketErrors.Describe(s.SocketErrorCode),
        IOException { InnerException: SocketException s } => SocketErrors.Describe(s.SocketErrorCode),
        _ => e.Message,
    };
}
