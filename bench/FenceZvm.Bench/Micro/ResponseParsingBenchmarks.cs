using BenchmarkDotNet.Attributes;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Bench.Micro;

/// <summary>
/// Reading both responses with the client's reader from a MemoryStream holding the received bytes: a
/// small Image_Status_Query answer, and an Image_Name_Query_DM answer of 10,000 names parsed into the
/// name list.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class ResponseParsingBenchmarks
{
    private const uint RequestId = 4242;
    private MemoryStream small = null!;
    private MemoryStream large = null!;

    [GlobalSetup]
    public void Setup()
    {
        small = new MemoryStream([.. ResponseFramer.RequestId(RequestId), .. ResponseFramer.Output(RequestId, 0, 12, [])], writable: false);
        byte[] names = ImageNameList.Build(Enumerable.Range(0, 10_000).Select(i => $"G{i:D7}"), TextCodecs.Ascii);
        large = new MemoryStream([.. ResponseFramer.RequestId(RequestId), .. ResponseFramer.Output(RequestId, 0, 0, names)], writable: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        small.Dispose();
        large.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int SmallStatusResponse() => Read(small).ReasonCode;

    [Benchmark]
    public int NameQuery10000() =>
        ImageNameList.Parse(ImageNameQueryDm.Function, Read(large), TextCodecs.Ascii).Count;

    private static SmapiResponse Read(MemoryStream received)
    {
        received.Position = 0;
        uint id = ResponseReader.ReadRequestId(received, null);
        return ResponseReader.ReadOutput(received, id, int.MaxValue, null);
    }
}
