using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Faults;

/// <summary>
/// Upstream's fence_zvmip (Debian fence-agents) through the same matrix, for the README's
/// comparison: recorded in artifacts/faults/upstream-matrix.md, never asserted on. Plain TCP
/// (--disable-ssl) except the TLS stall, which it meets with --ssl-insecure. Upstream has no
/// overall bound, so a run past the hang bound plus 10 s is killed and recorded as hung.
/// </summary>
[TestFixture]
[Category("upstream")]
[Parallelizable(ParallelScope.Children)]
public sealed class UpstreamFaultMatrixTests
{
    private static readonly MatrixReport Report = new("upstream fence_zvmip fault matrix", "upstream-matrix.md");

    [TestCaseSource(typeof(FaultScenario), nameof(FaultScenario.Cases))]
    public async Task Record(FaultScenario scenario)
    {
        UpstreamAgent.RequireInstalled();
        ScenarioOutcome o = await ScenarioRun.RunAsync(scenario, UpstreamAgent.Path, upstream: true, killAfter: FaultScenario.Bound + TimeSpan.FromSeconds(10));
        Report.Add(o);
        TestContext.Out.WriteLine(o.ToString());
        Assert.Pass($"recorded: exit {o.ExitText}, claim {o.Claim ?? "(none)"}{(o.Lied ? " (LIE)" : string.Empty)}{(o.Overran ? " (overran)" : string.Empty)}");
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
