using System.Globalization;
using FenceZvm.TestSupport;

namespace FenceZvm.Bench.Support;

/// <summary>What every whole-process harness needs: the simulator and its user, the C helpers, the load.</summary>
internal static class BenchEnvironment
{
    /// <summary>The SMAPI user every benchmark's simulator knows, and its password (left out of failure lines).</summary>
    public const string User = "FENCE";
    public const string Password = "bench-pw1";

    /// <summary>The agent's options to reach a simulator on this port as <see cref="User"/>, over plain TCP.</summary>
    public static string[] Connection(int port) =>
        ["--disable-ssl", "-a", "127.0.0.1", "-u", port.ToString(CultureInfo.InvariantCulture), "-l", User, "-p", Password];

    /// <summary>The published smapi-sim with these guests and <see cref="User"/>; what it reports on stderr is shown.</summary>
    public static SmapiSimProcess StartSimulator(string simulator, IEnumerable<string> guests, double deactivateDelaySeconds) =>
        SmapiSimProcess.Start(simulator, guests, [$"{User}:{Password}"], ["--deactivate-delay", deactivateDelaySeconds.ToString(CultureInfo.InvariantCulture)],
            line => Console.Error.WriteLine($"smapi-sim: {line}"));

    /// <summary>Compiles the C helper bench/floor/NAME.c into <paramref name="tools"/> with cc -O2, unless the binary is newer than its source.</summary>
    public static string Compile(string name, string tools)
    {
        string source = BenchArguments.InCheckout("bench", "floor", name + ".c");
        string binary = Path.Combine(tools, name);
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) > File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }

        ProcessResult cc = ProcessRunner.RunAsync("cc", ["-O2", "-Wall", "-o", binary, source]).GetAwaiter().GetResult();
        Console.Error.Write(cc.Stderr);
        return cc.ExitCode == 0 ? binary : throw new InvalidOperationException($"cc failed on {source}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
