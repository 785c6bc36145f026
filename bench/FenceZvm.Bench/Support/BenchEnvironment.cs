using System.Diagnostics;

namespace FenceZvm.Bench.Support;

/// <summary>What every whole-process harness needs: the checkout, its options, the C helpers, the load.</summary>
internal static class BenchEnvironment
{
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && Directory.Exists(Path.Combine(directory.FullName, "bench")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the fence-zvm checkout");
    }

    public static string Option(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    /// <summary>Compiles a C helper with cc -O2 unless the binary is newer than its source.</summary>
    public static string Compile(string source, string binary)
    {
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) > File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }

        using var cc = Process.Start("cc", ["-O2", "-Wall", "-o", binary, source]) ?? throw new InvalidOperationException("cannot run cc");
        cc.WaitForExit();
        return cc.ExitCode == 0 ? binary : throw new InvalidOperationException($"cc failed on {source}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
