using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Fuzz;

/// <summary>
/// Random responses through the response reader (ResponseParser) and the typed output parsers,
/// checking per input: only SmapiException subclasses escape; the reader allocates at most the
/// 1 MiB output bound plus a little; it consumes exactly the declared frame (4-byte request id,
/// 4-byte output_length, output_length bytes) and never the poison bytes after it; the typed
/// parsers allocate in proportion to the output; and no input takes longer than the time budget.
/// Deterministic for a seed.
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
        // Cut the input where its own output_length says the frame ends, then poison what follows.
        long frameEnd = input.Length >= 8 ? 8L + BinaryPrimitives.ReadInt32BigEndian(input.AsSpan(4)) : long.MaxValue;
        byte[] framed = frameEnd >= 8 && frameEnd < input.Length ? input[..(int)frameEnd] : input;
        byte[] fed = new byte[framed.Length + random.Next(1, 64)];
        framed.CopyTo(fed, 0);
        fed.AsSpan(framed.Length).Fill(Poison);
        ReadOnlySequence<byte> whole = Split(fed);
        ReadOnlySequence<byte> buffer = whole;

        try
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool gotId = ResponseParser.TryReadRequestId(ref buffer, out uint requestId);
            SmapiResponse? response = null;
            bool gotOutput = false;
            long consumedAfterId = whole.Length - buffer.Length;
            if (gotId)
            {
                uint expected = random.Next(10) == 0 ? requestId + 1 : requestId;
                gotOutput = ResponseParser.TryReadOutput(ref buffer, expected, ResponseLimits.DefaultMaxOutputLength, out response);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > ResponseLimits.DefaultMaxOutputLength + ReaderOverhead)
            {
                throw Fail(input, $"the reader allocated {allocated} bytes, beyond the 1 MiB bound");
            }

            long consumed = whole.Length - buffer.Length;
            if (gotId != (consumedAfterId == 4) || (gotId && !gotOutput && consumed != 4))
            {
                throw Fail(input, $"the reader consumed {consumed} bytes without a complete part");
            }

            if (gotOutput)
            {
                int declared = BinaryPrimitives.ReadInt32BigEndian(fed.AsSpan(4));
                if (consumed != 8L + declared)
                {
                    throw Fail(input, $"the reader consumed {consumed} bytes; the declared frame is {8L + declared}");
                }

                if (!response!.Output.Span.SequenceEqual(fed.AsSpan(20, declared - 12)))
                {
                    throw Fail(input, "the output is not the declared bytes");
                }

                Parsed++;
                CheckTypedParsers(input, response);
            }
        }
        catch (SmapiException)
        {
            Rejected++;
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

    /// <summary>The bytes in 1 to 4 segments at random cuts.</summary>
    private ReadOnlySequence<byte> Split(byte[] data)
    {
        int pieces = random.Next(1, 5);
        if (pieces == 1 || data.Length == 0)
        {
            return new ReadOnlySequence<byte>(data);
        }

        return SegmentedBytes.SplitAt(data, [.. Enumerable.Range(0, pieces - 1).Select(_ => random.Next(data.Length + 1)).Order()]);
    }

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
