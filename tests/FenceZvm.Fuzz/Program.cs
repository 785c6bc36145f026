using System.Diagnostics;
using System.Globalization;
using FenceZvm.Fuzz;

// ./build.sh fuzz [SECONDS] [SEED]: the long fuzz run of the response reader and the client.
// Three quarters of the time goes to the parser, the rest to the socket fuzzer; exit 1 on the first failure.
int seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 180;
int seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_261_124;
var parserTime = TimeSpan.FromSeconds(seconds * 3 / 4.0);
var socketTime = TimeSpan.FromSeconds(seconds / 4.0);
Console.WriteLine($"fuzz: seed {seed}, {parserTime.TotalSeconds:0} s of response reader, {socketTime.TotalSeconds:0} s of client over sockets");

var parser = new ParserFuzzer(seed);
using var watchdog = new Timer(
    _ =>
    {
        if (Stopwatch.GetElapsedTime(parser.LastProgressTicks) > TimeSpan.FromSeconds(10))
        {
            Console.Error.WriteLine($"fuzz: FAILED: one input has run for over 10 s (hang): {Convert.ToHexString(parser.Current.AsSpan(0, Math.Min(256, parser.Current.Length)))}");
            Environment.Exit(1);
        }
    },
    null,
    TimeSpan.FromSeconds(1),
    TimeSpan.FromSeconds(1));

try
{
    parser.Run(long.MaxValue, parserTime);

    // The socket fuzzer bounds each call itself; the watchdog only guards the parser.
    watchdog.Change(Timeout.Infinite, Timeout.Infinite);
    Console.WriteLine($"fuzz: response reader: {parser.Inputs} inputs ({parser.Parsed} parsed, {parser.Rejected} rejected with a SmapiException, {parser.Closed} closed at a part boundary, {parser.LargeInputs} near the 1 MiB bound), no failure");
    var sockets = new SocketFuzzer(seed, TimeSpan.FromMilliseconds(200));
    await sockets.RunAsync(int.MaxValue, socketTime);
    Console.WriteLine($"fuzz: client over sockets: {sockets.Connections} connections ({sockets.Responses} responses, {sockets.Failures} SmapiExceptions), each within {sockets.Bound.TotalSeconds} s");
    Console.WriteLine($"fuzz: {parser.Inputs + sockets.Connections} inputs fuzzed, 0 failures");
    return 0;
}
catch (FuzzFailure e)
{
    Console.Error.WriteLine($"fuzz: FAILED after {parser.Inputs} parser inputs: {e.Message}");
    return 1;
}
