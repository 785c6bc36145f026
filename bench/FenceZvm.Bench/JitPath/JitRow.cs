using System.Globalization;
using FenceZvm.Bench.Support;

namespace FenceZvm.Bench.JitPath;

/// <summary>One program in one case: its timed runs (tiered and TC=0) and its JIT-compiled method counts.</summary>
internal sealed class JitRow(string @case, string program)
{
    public string Case { get; } = @case;

    public string Program { get; } = program;

    public List<Measurement> Tiered { get; } = [];

    public List<Measurement> FullOpt { get; } = [];

    public int? TieredMethods { get; private set; }

    public int? FullOptMethods { get; private set; }

    public string MethodsText(int? methods) => methods is { } m ? m.ToString("N0", CultureInfo.InvariantCulture) : "-";

    /// <summary>
    /// Counts the methods JIT-compiled, tiered (median of three) and with TC=0, and keeps the method
    /// lists as FILE.tiered.txt and FILE.tc0.txt. The diagnostic appends, so the file is deleted first;
    /// its runs sometimes crash at exit after the program's work (a fault of the diagnostic), so the
    /// exit status is not checked and the lines are counted anyway.
    /// </summary>
    public void Count(MeasureRunner runner, string program, string[] arguments, string? stdin, string listPrefix, Action reset)
    {
        int Once(string suffix, bool tiered)
        {
            string file = $"{listPrefix}.{suffix}.txt";
            File.Delete(file);
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_ReadyToRun"] = "0",
                ["DOTNET_JitStdOutFile"] = file,
                ["DOTNET_JitDisasmSummary"] = "1",
            };
            if (!tiered)
            {
                environment["DOTNET_TieredCompilation"] = "0";
            }

            runner.Measure(null, [program, .. arguments], environment, stdin);
            reset();
            return File.Exists(file) ? File.ReadLines(file).Count(line => line.Contains("JIT compiled", StringComparison.Ordinal)) : 0;
        }

        int[] tieredCounts = [.. Enumerable.Range(0, 3).Select(_ => Once("tiered", tiered: true)).Order()];
        TieredMethods = tieredCounts[1];
        FullOptMethods = Once("tc0", tiered: false);
    }
}
