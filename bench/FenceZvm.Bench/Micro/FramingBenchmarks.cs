using BenchmarkDotNet.Attributes;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Bench.Micro;

/// <summary>Request framing into a reused buffer, as the client does for every exchange: must allocate nothing.</summary>
[Config(typeof(ShortJobConfig))]
public class FramingBenchmarks
{
    private static readonly SmapiCredentials Credentials = new("CMANAGER", "a-password-of-some-length");
    private readonly byte[] buffer = new byte[1024];
    private readonly SmapiRequest statusQuery = FenceZvm.Smapi.Functions.ImageStatusQuery.Function.Request(Credentials, "CNODE1");
    private readonly SmapiRequest deactivate = FenceZvm.Smapi.Functions.ImageDeactivate.Function.Request(Credentials, "CNODE1", ForceTime.Immediate);
    private readonly SmapiRequest recovery = FenceZvm.Smapi.Functions.ResponseRecovery.Function.Request(Credentials, "CNODE1", 12345);

    [Benchmark(Baseline = true)]
    public int ImageStatusQuery() => RequestFramer.Write(statusQuery, TextCodecs.Ascii, buffer);

    [Benchmark]
    public int ImageDeactivate() => RequestFramer.Write(deactivate, TextCodecs.Ascii, buffer);

    [Benchmark]
    public int ResponseRecovery() => RequestFramer.Write(recovery, TextCodecs.Ascii, buffer);

    [Benchmark]
    public int ImageDeactivateEbcdic() => RequestFramer.Write(deactivate, TextCodecs.Ebcdic, buffer);
}
