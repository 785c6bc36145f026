using FenceZvm.Tests.Support;

[assembly: LevelOfParallelism(4)]

namespace FenceZvm.Tests.Faults;

/// <summary>
/// Every action against every injected fault, each with its own simulator: the agent never claims
/// what the simulator's state does not prove, never exits 0 unless verified, never hangs past its
/// timeouts, and never shows a stack trace. Tally in artifacts/faults/matrix.md.
/// </summary>
[TestFixture]
[Category("faults")]
[Parallelizable(ParallelScope.Children)]
public sealed class FaultMatrixTests
{
    private static readonly MatrixReport Report = new("fence-zvm fence_zvmip fault matrix", "matrix.md");

    [TestCaseSource(typeof(FaultScenario), nameof(FaultScenario.Cases))]
    public async Task NeverLiesNeverHangs(FaultScenario scenario)
    {
        ScenarioOutcome o = await ScenarioRun.RunAsync(scenario, AgentProcess.Path, upstream: false, killAfter: FaultScenario.Bound + TimeSpan.FromSeconds(20));
        Report.Add(o);

        Assert.Multiple(() =>
        {
            Assert.That(o.Killed, Is.False, "hung: " + o);
            Assert.That(o.Elapsed, Is.LessThanOrEqualTo(FaultScenario.Bound), "overran the hang bound: " + o);
            Assert.That(o.Lied, Is.False, "false claim: " + o);
            Assert.That(o.HasStackTrace, Is.False, "stack trace: " + o);
            Assert.That(o.ExitCode, Is.AnyOf(0, 1, 2), o.ToString());
            if (o.Claim is null)
            {
                Assert.That(o.ExitCode, Is.EqualTo(1), "a failure exits 1: " + o);
                Assert.That(o.Stderr, Does.Contain("ERROR:"), "a failure says why: " + o);
            }

            if (scenario.Harmless)
            {
                Assert.That(o.Claim, Is.Not.Null, "the answer was intact, the agent should have verified it: " + o);
            }
            else if (!scenario.Scoped)
            {
                // Every request the action depends on is faulted, or the guest never goes off: nothing can be verified.
                Assert.That(o.ExitCode, Is.EqualTo(1), "nothing could be verified: " + o);
            }
        });
    }

    [OneTimeTearDown]
    public void WriteTally() => Report.Write();
}
