using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Faults;

/// <summary>
/// Upstream's fence_zvmip (Debian fence-agents) through the same matrix: each scenario ends as recorded in
/// upstream-matrix.outcomes beside this file (false successes, tracebacks, honest failures), the facts behind
/// the README's comparison. Details in artifacts/faults/upstream-matrix.md; a new fence-agents that behaves
/// otherwise fails here, and its artifacts/faults/upstream-matrix.outcomes is the new record (and the README's
/// figures need a look). Plain TCP (--disable-ssl) except the TLS stall, which it meets with --ssl-insecure.
/// Upstream has no overall bound, so a run past the hang bound plus 10 s is killed and recorded as hung.
/// </summary>
[TestFixture]
[Category("upstream")]
[Parallelizable(ParallelScope.Children)]
public sealed class UpstreamFaultMatrixTests
{
    private static readonly MatrixReport Report = new("upstream fence_zvmip fault matrix", "upstream-matrix.md");

    private static readonly Lazy<Dictionary<string, string>> Recorded = new(() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "FenceZvm.Tests", "Faults", "upstream-matrix.outcomes"))
            .Select(line => line.Split(": ")).ToDictionary(parts => parts[0], parts => parts[1]));

    [TestCaseSource(typeof(FaultScenario), nameof(FaultScenario.Cases))]
    public async Task EndsAsRecorded(FaultScenario scenario)
    {
        UpstreamAgent.RequireInstalled();
        ScenarioOutcome o = await ScenarioRun.RunAsync(scenario, UpstreamAgent.Path, upstream: true, killAfter: FaultScenario.Bound + TimeSpan.FromSeconds(10));
        Report.Add(o);

        Assert.That(Recorded.Value.TryGetValue(scenario.ToString(), out string? recorded), Is.True, $"{scenario} is not in upstream-matrix.outcomes");
        Assert.That(o.Kind, Is.EqualTo(recorded), o.ToString());
    }

    [OneTimeTearDown]
    public void WriteTally()
    {
        if (File.Exists(UpstreamAgent.Path))
        {
            Report.Write();
        }
    }
}
