using System.Buffers.Binary;
using System.Diagnostics;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Fuzz;

/// <summary>
/// Random responses through the client's response reader (ResponseReader), over a stream that hands
/// the bytes out in random fragments, and through the typed output parsers, checking per input: only
/// SmapiException subclasses escape, and the EndOfStreamException the client reports as a lost
/// connection, only where the stream ended before a part; each refusal comes where the bytes call for
/// it; the reader allocates at most the 1 MiB output bound plus a little; it consumes exactly the
/// declared frame (4-byte request id, 4-byte output_length, output_length bytes) and never the poison
/// bytes after it; the typed parsers allocate in proportion to the output; and no input takes longer
/// than the time budget. Deterministic for a seed (the fragment sizes are drawn from the same Random).
/// </summary>
public sealed class ParserFuzzer(int seed)
{
    /// <summary>
    /// What the reader may allocate beyond output_length: the response record, plus the granularity of
    /// GC.GetAllocatedBytesForCurrentThread, which counts whole allocation contexts (about 8 KiB).
    /// </summary>
    public const long ReaderOverhead = 16 * 1024;

    public static readonly TimeSpan InputBudget = TimeSpan.FromSeconds(2);

    private const byte Poison = 0xDE;

    private static readonly int[] LengthWords =
        [0, 1, 4, 8, 11, 12, 13, 16, 0x7F, 0xFF, 4096, ResponseLimits.DefaultMaxOutputLength, ResponseLimits.DefaultMaxOutputLength + 1, -1, -12, int.MaxValue, int.MinValue];

    private static readonly ITextCodec[] Codecs = [TextCodecs.Ascii, TextCodecs.Ebcdic];

    private readonly Random random = new(seed);
    private readonly byte[][] seeds = Seeds();

    public long Inputs { get; private set; }

    public long Parsed { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Inputs on which the connection closed at a part boundary (EndOfStreamException: the client's lost connection).</summary>
    public long Closed { get; private set; }

    public long LargeInputs { get; private set; }

    /// <summary>The input being checked (for a watchdog to print when it hangs).</summary>
    public byte[] Current { get; private set; } = [];

    public long LastProgressTicks { get; private set; } = Stopwatch.GetTimestamp();

    /// <summary>Runs until <paramref name="count"/> inputs or <paramref name="duration"/>, whichever comes first.</summary>
    public void Run(long count, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < count && (i % 1024 != 0 || clock.Elapsed < duration); i++)
        {
            byte[] input = NextInput();
            Current = input;
            LastProgressTicks = Stopwatch.GetTimestamp();
            CheckOne(input);
            TimeSpan spent = Stopwatch.GetElapsedTime(LastProgressTicks);
            if (spent > InputBudget)
            {
                throw new FuzzFailure($"seed {seed} input {Inputs}: {spent.TotalSeconds:0.0} s for one input (budget {InputBudget.TotalSeconds} s): {Hex(input)}");
            }

            Inputs++;
        }
    }

    private void CheckOne(byte[] input)
    {
        // Cut the input where its own output_length says the frame ends, then poison what follows. An
        // input that stops short of its frame ends the stream there half of the time (the server closed);
        // otherwise poison follows it, and the reader may take that for the rest of the frame.
        long frameEnd = input.Length >= 8 ? 8L + BinaryPrimitives.ReadInt32BigEndian(input.AsSpan(4)) : long.MaxValue;
        byte[] framed = frameEnd >= 8 && frameEnd < input.Length ? input[..(int)frameEnd] : input;
        bool complete = frameEnd < 8 + ResponseLimits.MinOutputLength || frameEnd <= framed.Length;
        int poison = complete || random.Next(2) == 0 ? random.Next(1, 64) : 0;
        byte[] fed = new byte[framed.Length + poison];
        framed.CopyTo(fed, 0);
        fed.AsSpan(framed.Length).Fill(Poison);
        FragmentedStream stream = NewStream(fed);
        int limit = ReadLimit(fed);

        try
        {
            SmapiResponse? response = null;
            Exception? refused = null;
            uint expected = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                uint requestId = ResponseReader.ReadRequestId(stream, null);
                expected = random.Next(10) == 0 ? requestId + 1 : requestId;
                response = ResponseReader.ReadOutput(stream, expected, ResponseLimits.DefaultMaxOutputLength, null);
            }
            catch (Exception e) when (e is SmapiException or EndOfStreamException)
            {
                refused = e;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > ResponseLimits.DefaultMaxOutputLength + ReaderOverhead)
            {
                throw Fail(input, $"the reader allocated {allocated} bytes, beyond the 1 MiB bound");
            }

            int consumed = stream.Consumed;
            if (consumed > limit)
            {
                throw Fail(input, $"the reader consumed {consumed} of {fed.Length} bytes; the declared frame allows {limit}");
            }

            if (response is not null)
            {
                CheckResponse(input, fed, consumed, expected, response);
            }
            else
            {
                CheckRefusal(input, fed, consumed, refused!);
            }
        }
        catch (FuzzFailure)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Fail(input, $"{e.GetType().Name} escaped: {e}");
        }
    }

    /// <summary>The most the reader may take: the id and length words, and the body only when its length is accepted.</summary>
    private static int ReadLimit(byte[] fed)
    {
        if (fed.Length < 8)
        {
            return fed.Length;
        }

        int declared = BinaryPrimitives.ReadInt32BigEndian(fed.AsSpan(4));
        return declared < ResponseLimits.MinOutputLength || declared > ResponseLimits.DefaultMaxOutputLength
            ? 8
            : (int)Math.Min(fed.Length, 8L + declared);
    }

    private void CheckResponse(byte[] input, byte[] fed, int consumed, uint expected, SmapiResponse response)
    {
        int declared = BinaryPrimitives.ReadInt32BigEndian(fed.AsSpan(4));
        if (consumed != 8L + declared)
        {
            throw Fail(input, $"the reader consumed {consumed} bytes; the declared frame is {8L + declared}");
        }

        if (response.RequestId != expected || !response.Output.Span.SequenceEqual(fed.AsSpan(20, declared - 12)))
        {
            throw Fail(input, "the response is not the declared bytes");
        }

        Parsed++;
        CheckTypedParsers(input, response);
    }

    /// <summary>
    /// Each refusal must come where the bytes call for it. A connection closed before response 1 was whole,
    /// or before the first byte of response 2, is the EndOfStreamException the client reports as a lost
    /// connection (a transport failure, not a protocol one): counted as Closed, not as Rejected.
    /// </summary>
    private void CheckRefusal(byte[] input, byte[] fed, int consumed, Exception refused)
    {
        bool drained = consumed == fed.Length;
        long frameEnd = fed.Length >= 8 ? 8L + BinaryPrimitives.ReadInt32BigEndian(fed.AsSpan(4)) : 8;
        bool fits = refused switch
        {
            EndOfStreamException => drained && consumed <= 4,
            SmapiProtocolException { Error: ProtocolError.ShortRead } => drained && consumed > 4 && consumed < frameEnd,
            SmapiProtocolException { Error: ProtocolError.OutputLengthTooSmall or ProtocolError.OutputLengthTooLarge } => consumed == 8,
            SmapiProtocolException { Error: ProtocolError.RequestIdMismatch } => consumed == frameEnd,
            _ => false,
        };
        if (!fits)
        {
            throw Fail(input, $"{refused.GetType().Name} after {consumed} of {fed.Length} bytes: {refused.Message}");
        }

        if (refused is EndOfStreamException)
        {
            Closed++;
        }
        else
        {
            Rejected++;
        }
    }

    private void CheckTypedParsers(byte[] input, SmapiResponse response)
    {
        ITextCodec codec = Codecs[random.Next(Codecs.Length)];
        long before = GC.GetAllocatedBytesForCurrentThread();
        Try(() => ImageOperationResult.Parse(ImageDeactivate.Function, response, codec));
        Try(() => ImageNameList.Parse(ImageStatusQuery.Function, response, codec));
        Try(() => ActivationTime.Parse(response, codec));
        Try(() => ResponseRecovery.Parse(response, response.RequestId));
        Try(() => ReturnCodes.Format(ImageDeactivate.Function, response.ReturnCode, response.ReasonCode));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Each output byte can become at most a few objects' worth (a name string and its list slot).
        long bound = (64L * response.Output.Length) + (64 * 1024);
        if (allocated > bound)
        {
            throw Fail(input, $"the typed parsers allocated {allocated} bytes for {response.Output.Length} output bytes");
        }
    }

    private static void Try(Func<object?> parse)
    {
        try
        {
            parse();
        }
        catch (SmapiException)
        {
        }
    }

    private byte[] NextInput()
    {
        int kind = random.Next(1000);
        if (kind == 0)
        {
            LargeInputs++;
            return LargeInput();
        }

        if (kind < 200)
        {
            var noise = new byte[random.Next(0, 96)];
            random.NextBytes(noise);
            return noise;
        }

        byte[] input = (byte[])seeds[random.Next(seeds.Length)].Clone();
        int mutations = random.Next(1, 5);
        for (int m = 0; m < mutations && input.Length > 0; m++)
        {
            switch (random.Next(6))
            {
                case 0:
                    input = input[..random.Next(input.Length + 1)];
                    break;
                case 1:
                    int bit = random.Next(input.Length * 8);
                    input[bit / 8] ^= (byte)(1 << (bit % 8));
                    break;
                case 2 when input.Length >= 4:
                    int offset = random.Next(input.Length - 3);
                    BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(offset), random.Next(3) == 0 ? random.Next(-64, 64) : LengthWords[random.Next(LengthWords.Length)]);
                    break;
                case 3:
                    var extra = new byte[random.Next(1, 32)];
                    random.NextBytes(extra);
                    input = [.. input, .. extra];
                    break;
                default:
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                    break;
            }
        }

        return input;
    }

    /// <summary>A frame at or just past the 1 MiB bound, whole or short.</summary>
    private byte[] LargeInput()
    {
        int declared = ResponseLimits.DefaultMaxOutputLength + random.Next(-2, 2);
        int present = random.Next(2) == 0 ? declared : random.Next(12, declared);
        var input = new byte[8 + present];
        BinaryPrimitives.WriteInt32BigEndian(input, 7);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(4), declared);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(8), 7);
        random.NextBytes(input.AsSpan(12, Math.Min(64, present - 4)));
        return input;
    }

    /// <summary>The bytes as a stream: whatever is asked for at once, or pieces of random size, as small as one byte.</summary>
    private FragmentedStream NewStream(byte[] data) => random.Next(4) switch
    {
        0 => new FragmentedStream(data),
        1 => new FragmentedStream(data, random, 1),
        2 => new FragmentedStream(data, random, 7),
        _ => new FragmentedStream(data, random, int.MaxValue),
    };

    private static byte[][] Seeds()
    {
        ITextCodec ascii = TextCodecs.Ascii;
        byte[] Frame(uint id, int rc, int rs, byte[] output) => [.. ResponseFramer.RequestId(id), .. ResponseFramer.Output(id, rc, rs, output)];
        byte[] Str(string s) => [.. Int(s.Length), .. System.Text.Encoding.ASCII.GetBytes(s)];
        byte[] Int(int v)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, v);
            return b;
        }

        byte[] failing = [.. Int(18), .. Str("CNODE1"), .. Int(200), .. Int(12)];
        return
        [
            Frame(1, 0, 0, []),
            Frame(2, 0, 0, [.. Int(1), .. Int(0)]),
            Frame(3, 200, 8, [.. Int(0), .. Int(1), .. Int(failing.Length), .. failing]),
            Frame(4, 0, 0, ImageNameList.Build(["CNODE1", "CNODE2", "LINUX001"], ascii)),
            Frame(5, 0, 12, []),
            Frame(6, 100, 16, []),
            Frame(7, 0, 0, [.. Str("LINUX01"), .. Str("2024-01-31"), .. Str("12:34:56")]),
            Frame(8, 0, 0, [.. Int(9), .. Int(0), .. Int(0), .. Int(0)]),
        ];
    }

    private FuzzFailure Fail(byte[] input, string what) =>
        new($"seed {seed} input {Inputs}: {what}; input {Hex(input)}");

    private static string Hex(byte[] input) =>
        input.Length <= 256 ? Convert.ToHexString(input) : Convert.ToHexString(input.AsSpan(0, 256)) + $"... ({input.Length} bytes)";
}
