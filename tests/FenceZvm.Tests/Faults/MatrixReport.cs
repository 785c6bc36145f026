using System.Collections.Concurrent;
using System.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Faults;

/// <summary>
/// Collects the outcomes of one fixture's matrix and writes the tally (TestContext.Progress and artifacts/faults/NAME),
/// and each scenario's outcome kind, one per line, in NAME's base name + ".outcomes" (the format of <see cref="UpstreamFaultMatrixTests"/>'s record).
/// </summary>
public sealed class MatrixReport(string title, string fileName)
{
    private readonly ConcurrentBag<ScenarioOutcome> outcomes = [];

    public void Add(ScenarioOutcome outcome) => outcomes.Add(outcome);

    public string Write()
    {
        ScenarioOutcome[] all = [.. outcomes.OrderBy(o => Array.IndexOf(FaultScenario.Actions, o.Scenario.Action)).ThenBy(o => Array.IndexOf(FaultScenario.Faults, o.Scenario.Fault)).ThenBy(o => o.Scenario.Scoped)];
        int lies = all.Count(o => o.Lied);
        int overruns = all.Count(o => o.Overran);
        int hung = all.Count(o => o.Killed);
        int traces = all.Count(o => o.HasStackTrace);
        string tally = $"{title}: {all.Length} scenarios, {lies} false successes, {overruns} overruns of the {FaultScenario.Bound.TotalSeconds} s bound ({hung} hung and killed), {traces} stack traces";

        var md = new StringBuilder();
        md.AppendLine($"# {title}").AppendLine();
        md.AppendLine($"Options: `--shell-timeout {FaultScenario.ShellTimeout} --power-timeout {FaultScenario.PowerTimeout} --stonith-status-sleep {FaultScenario.StatusSleep}`; " +
            $"bound {FaultScenario.Bound.TotalSeconds} s (2 x power timeout + 4 x shell timeout + 10 s). Target {FaultScenario.Target}; " +
            "\"lie\" = a Success/Status/list claim the simulator's state file does not prove.").AppendLine();
        md.AppendLine(tally).AppendLine();
        md.AppendLine("| action | fault | exit | seconds | claim | true? | overran | stdout | last stderr line |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (ScenarioOutcome o in all)
        {
            string lastError = o.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
            md.AppendLine($"| {o.Scenario.Action} | {o.Scenario.FaultLabel} | {o.ExitText} | {o.Elapsed.TotalSeconds:0.0} | {o.Claim ?? "-"} | " +
                $"{(o.Claim is null ? "-" : o.Lied ? "**LIE**" : "yes")} | {(o.Overran ? "**yes**" : "no")} | {Cell(o.Stdout)} | {Cell(lastError)} |");
        }

        string directory = Path.Combine(RepoPaths.Root, "artifacts", "faults");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), md.ToString());
        File.WriteAllLines(Path.Combine(directory, Path.ChangeExtension(fileName, ".outcomes")), all.Select(o => $"{o.Scenario}: {o.Kind}"));
        TestContext.Progress.WriteLine(tally);
        return tally;
    }

    private static string Cell(string text)
    {
        string flat = text.Trim().Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        return flat.Length > 160 ? flat[..160] + "..." : flat;
    }
}
