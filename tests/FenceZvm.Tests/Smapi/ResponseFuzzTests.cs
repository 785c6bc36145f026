using System.Buffers;
using System.Diagnostics;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Trace;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>
/// Deterministic fuzzing of everything that reads server bytes: whatever arrives, the only
/// failures are SmapiProtocolException and SmapiEncodingException (never an index, overflow,
/// argument or null exception).
/// </summary>
public class ResponseFuzzTests
{
    private const int Iterations = 20_000;

    private static readonly byte[][] Seeds =
    [
        SpecResponses.DeactivateFailingArray,
        SpecResponses.StatusQueryStar,
        SpecResponses.NotAuthorized,
        Wire.Concat(ResponseFramer.RequestId(7), ResponseFramer.Output(7, 0, 0, ImageNameList.Build([], TextCodecs.Ascii))),
        Wire.Concat(ResponseFramer.RequestId(9), ResponseFramer.Output(9, 0, 0, Wire.Concat(Wire.Str("LINUX01"), Wire.Str("2024-01-31"), Wire.Str("12:34:56")))),
    ];

    private static readonly int[] LengthWords = [0, 1, 4, 8, 11, 12, 13, 0x7F, 0xFF, 1024 * 1024, (1024 * 1024) + 1, -1, -12, int.MaxValue, int.MinValue];

    private static readonly ITextCodec[] Codecs = [TextCodecs.Ascii, TextCodecs.Ebcdic];

    [Test]
    public void OnlySmapiExceptionsEscape()
    {
        var random = new Random(20_240_131);
        var clock = Stopwatch.StartNew();
        int parsed = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = NextInput(random);
            try
            {
                if (ReadAndParse(input, random))
                {
                    parsed++;
                }
            }
            catch (SmapiException e) when (e is SmapiProtocolException or SmapiEncodingException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} for input {Wire.Hex(input)}\n{e}");
            }
        }

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(parsed, Is.GreaterThan(Iterations / 20), "the mutations should leave many inputs parseable");
    }

    private static byte[] NextInput(Random random)
    {
        if (random.Next(5) == 0)
        {
            var noise = new byte[random.Next(0, 80)];
            random.NextBytes(noise);
            return noise;
        }

        byte[] input = (byte[])Seeds[random.Next(Seeds.Length)].Clone();
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations && input.Length > 0; m++)
        {
            switch (random.Next(4))
            {
                case 0:
                    input = input[..random.Next(input.Length + 1)];
                    break;
                case 1:
                    int bit = random.Next(input.Length * 8);
                    input[bit / 8] ^= (byte)(1 << (bit % 8));
                    break;
                case 2 when input.Length >= 4:
                    int offset = random.Next(input.Length / 4) * 4;
                    Wire.Int(random.Next(3) == 0 ? random.Next(-64, 64) : LengthWords[random.Next(LengthWords.Length)]).CopyTo(input, offset);
                    break;
                default:
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                    break;
            }
        }

        return input;
    }

    /// <summary>Feeds <paramref name="input"/> in random pieces; true when a response was parsed.</summary>
    private static bool ReadAndParse(byte[] input, Random random)
    {
        int pieces = random.Next(1, 4);
        int[] cuts = [.. Enumerable.Range(0, pieces - 1).Select(_ => random.Next(input.Length + 1)).Order()];
        ReadOnlySequence<byte> buffer = Wire.SplitAt(input, cuts);

        if (!ResponseParser.TryReadRequestId(ref buffer, out uint requestId))
        {
            return false;
        }

        uint expected = random.Next(10) == 0 ? requestId + 1 : requestId;
        if (!ResponseParser.TryReadOutput(ref buffer, expected, ResponseLimits.DefaultMaxOutputLength, out SmapiResponse? response))
        {
            return false;
        }

        foreach (string line in FrameTrace.Response(response!))
        {
            Assert.That(line, Is.Not.Empty);
        }

        _ = ReturnCodes.Format("Image_Deactivate", response!.ReturnCode, response.ReasonCode);
        ITextCodec codec = Codecs[random.Next(Codecs.Length)];
        Try(() => ImageOperationResult.Parse(SmapiFunction.ImageDeactivate, response, codec));
        Try(() => ImageNameList.Parse(SmapiFunction.ImageStatusQuery, response, codec));
        Try(() => ActivationTime.Parse(response, codec));
        Try(() => RecoveredResponse.Parse(response, requestId));
        return true;
    }

    /// <summary>Runs one typed parser; its SMAPI failure must not hide the others.</summary>
    private static void Try(Func<object?> parse)
    {
        try
        {
            parse();
        }
        catch (SmapiException e) when (e is SmapiProtocolException or SmapiEncodingException)
        {
        }
    }
}
