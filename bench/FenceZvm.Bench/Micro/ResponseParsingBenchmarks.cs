using System.Buffers;
using BenchmarkDotNet.Attributes;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Bench.Micro;

/// <summary>
/// Parsing both responses from the received bytes: a small Image_Status_Query answer, and an
/// Image_Name_Query_DM answer of 10,000 names parsed into the name list.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class ResponseParsingBenchmarks
{
    private const uint RequestId = 4242;
    private ReadOnlySequence<byte> small;
    private ReadOnlySequence<byte> large;

    [GlobalSetup]
    public void Setup()
    {
        small = new ReadOnlySequence<byte>([.. ResponseFramer.RequestId(RequestId), .. ResponseFramer.Output(RequestId, 0, 12, [])]);
        byte[] names = ImageNameList.Build(Enumerable.Range(0, 10_000).Select(i => $"G{i:D7}"), TextCodecs.Ascii);
        large = new ReadOnlySequence<byte>([.. ResponseFramer.RequestId(RequestId), .. ResponseFramer.Output(RequestId, 0, 0, names)]);
    }

    [Benchmark(Baseline = true)]
    public int SmallStatusResponse() => Parse(small).ReasonCode;

    [Benchmark]
    public int NameQuery10000() =>
        ImageNameList.Parse(ImageNameQueryDm.Function, Parse(large), TextCodecs.Ascii).Count;

    private static SmapiResponse Parse(ReadOnlySequence<byte> received)
    {
        if (!ResponseParser.TryReadRequestId(ref received, out uint id)
            || !ResponseParser.TryReadOutput(ref received, id, int.MaxValue, out SmapiResponse? response))
        {
            throw new InvalidOperationException("incomplete response");
        }

        return response!;
    }
}
