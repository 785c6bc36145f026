using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Trace;
using FenceZvm.Smapi.Transport;

namespace FenceZvm.Smapi.Client;

/// <summary>
/// Runs one SMAPI request per connection: connect, send the framed request, read response 1
/// (request id) and response 2 (output) exactly by length (<see cref="ResponseReader"/>), close. Every
/// phase is bounded by the timeout; responses may arrive in any fragmentation.
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
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>
    /// The exchange blocks the calling thread: for a one-shot process that is far cheaper to start than
    /// pipelines and asynchronous socket operations (on s390x every method is JIT-compiled at each start).
    /// A caller that wants several exchanges at once gives each a thread. The transport bounds its connect
    /// and hands back a stream that bounds its own calls; before each call the stream is given what is left
    /// of the phase (<see cref="PhaseClock"/>). Cancellation closes the stream, which ends a blocked call
    /// at once; the exception is then reported as the cancellation it is.
    /// </remarks>
    public SmapiResponse Call(SmapiRequest request, CancellationToken cancellationToken = default)
    {
        var exchange = new PhaseClock(options.Timeout);
        uint? requestId = null;
        try
        {
            using Stream stream = transport.Connect(options.Timeout, cancellationToken);
            using (cancellationToken.UnsafeRegister(static s => ((Stream)s!).Dispose(), stream))
            {
                exchange.Start(ExchangePhase.Send);
                Send(stream, request, exchange);

                exchange.Start(ExchangePhase.RequestId);
                requestId = ResponseReader.ReadRequestId(stream, exchange);
                options.Trace?.WriteLine(FrameTrace.RequestId(requestId.Value));

                exchange.Start(ExchangePhase.Output);
                SmapiResponse response = ResponseReader.ReadOutput(stream, requestId.Value, options.MaxOutputLength, exchange);
                if (options.Trace is { } trace)
                {
                    foreach (string line in FrameTrace.Response(response))
                    {
                        trace.WriteLine(line);
                    }
                }

                return response;
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("interrupted", e, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTimeout(e))
        {
            throw new SmapiTransportException(TransportFailure.Timeout, TimeoutMessage(request, exchange.Phase), requestId, e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            if (exchange.Phase == ExchangePhase.Connect)
            {
                throw new SmapiTransportException(TransportFailure.ConnectFailed, $"Unable to connect to {transport.Endpoint}: {Reason(e)}", null, e);
            }

            throw new SmapiTransportException(TransportFailure.ConnectionClosed, ClosedMessage(request, exchange.Phase, Reason(e)), requestId, e);
        }
    }

    /// <summary>A phase's time ran out: the stream's own timeout (TimeoutException, or a socket error TimedOut).</summary>
    private static bool IsTimeout(Exception e) =>
        e is TimeoutException
        || (e is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
        || (e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock } });

    private void Send(Stream stream, SmapiRequest request, PhaseClock exchange)
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

            exchange.BoundNextCall(stream);
            stream.Write(buffer, 0, length);
            stream.Flush();
        }
        finally
        {
            // The frame holds the password: do not leave it in a shared pool.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
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
