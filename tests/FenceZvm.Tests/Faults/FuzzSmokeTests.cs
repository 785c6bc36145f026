using FenceZvm.Fuzz;

namespace FenceZvm.Tests.Faults;

/// <summary>
/// Short runs of the fuzzers behind ./build.sh fuzz (which runs millions of inputs): only
/// SmapiExceptions escape the client's response reader over randomly fragmented streams (and the end
/// of stream the client reports as a lost connection, only before a part) and the typed output parsers
/// (both codecs), the reader stays within the allocation bound and consumes exactly the declared frame
/// and never the poison after it, each input has a time budget, and the whole client survives hostile
/// servers over real sockets.
/// </summary>
[TestFixture]
[Category("fuzz")]
[Parallelizable(ParallelScope.Children)]
public sealed class FuzzSmokeTests
{
    [Test]
    public void ReaderStaysInsideTheDeclaredFrameAndTheAllocationBound()
    {
        var fuzzer = new ParserFuzzer(seed: 7);
        try
        {
            fuzzer.Run(count: 40_000, duration: TimeSpan.FromSeconds(60));
        }
        catch (FuzzFailure e)
        {
            Assert.Fail(e.Message);
        }

        TestContext.Progress.WriteLine($"parser fuzz: {fuzzer.Inputs} inputs, {fuzzer.Parsed} parsed, {fuzzer.Rejected} rejected, {fuzzer.Closed} closed, {fuzzer.LargeInputs} near 1 MiB");
        Assert.That(fuzzer.Parsed, Is.GreaterThan(fuzzer.Inputs / 20), "the mutations should leave many inputs parseable");
        Assert.That(fuzzer.Closed, Is.GreaterThan(0), "some streams end before a part begins");
        Assert.That(fuzzer.LargeInputs, Is.GreaterThan(0), "some inputs reach the 1 MiB bound");
    }

    [Test]
    public async Task ClientEndsEveryHostileExchangeWithinItsTimeout()
    {
        var fuzzer = new SocketFuzzer(seed: 11, clientTimeout: TimeSpan.FromMilliseconds(200));
        try
        {
            await fuzzer.RunAsync(connections: 150, duration: TimeSpan.FromSeconds(90));
        }
        catch (FuzzFailure e)
        {
            Assert.Fail(e.Message);
        }

        TestContext.Progress.WriteLine($"socket fuzz: {fuzzer.Connections} connections, {fuzzer.Responses} responses, {fuzzer.Failures} SmapiExceptions");
        Assert.That(fuzzer.Connections, Is.GreaterThanOrEqualTo(50));
        Assert.That(fuzzer.Failures, Is.GreaterThan(0));
        Assert.That(fuzzer.Responses, Is.GreaterThan(0), "some scripts are whole answers: the client must have read them");
    }
}
