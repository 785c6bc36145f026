using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// stonith_admin --validate runs the agent with action=validate-all (stdin carries both port and plug):
/// it passes with good options and shows our message when one is wrong.
/// </summary>
public sealed class ValidateTests
{
    private static readonly string[] Good =
        ["--option", "ip=127.0.0.1", "--option", "username=FENCEUSR", "--option", "password=fence-pw1", "--option", "plug=CNODE1"];

    [Test]
    public async Task GoodOptionsPass()
    {
        ProcessResult r = await ValidateAsync(TestAgents.Zvmip, Good);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain($"Validation of {TestAgents.Zvmip} succeeded"), r.ToString());
    }

    [Test]
    public async Task MissingAddressFailsWithOurMessage()
    {
        ProcessResult r = await ValidateAsync(TestAgents.Zvmip, [.. Good.Skip(2)]);
        AssertFailedWith(r, "ERROR: Failed: You have to enter fence address");
    }

    [Test]
    public async Task BadMethodFailsWithOurMessage()
    {
        ProcessResult r = await ValidateAsync(TestAgents.Zvmip, [.. Good, "--option", "method=bogus"]);
        AssertFailedWith(r, "ERROR: Failed: You have to enter a valid choice for --method from the valid values: ['onoff', 'cycle']");
    }

    [Test]
    public async Task TheIucvFlavourValidatesWithoutCredentials()
    {
        ProcessResult r = await ValidateAsync(TestAgents.Zvm, "--option", "ip=VSMREQIU", "--option", "plug=CNODE1");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain($"Validation of {TestAgents.Zvm} succeeded"), r.ToString());
    }

    [Test]
    public async Task TheIucvFlavourFailsWithABadMethod()
    {
        // A missing plug cannot be tested here: stonith_admin --validate always sends port=node1.
        ProcessResult r = await ValidateAsync(TestAgents.Zvm, "--option", "ip=VSMREQIU", "--option", "plug=CNODE1", "--option", "method=bogus");
        AssertFailedWith(r, "ERROR: Failed: You have to enter a valid choice for --method from the valid values: ['onoff', 'cycle']");
    }

    private static Task<ProcessResult> ValidateAsync(string agent, params string[] options) =>
        ClusterCli.StonithAdminAsync(["--validate", "--agent", agent, .. options]);

    private static void AssertFailedWith(ProcessResult r, string message)
    {
        Assert.That(r.ExitCode, Is.Not.Zero, r.ToString());
        Assert.That(r.Stdout + r.Stderr, Does.Contain($"Validation of {TestAgents.Zvmip} failed").Or.Contain($"Validation of {TestAgents.Zvm} failed"), r.ToString());
        Assert.That(r.Stdout + r.Stderr, Does.Contain(message), r.ToString());
    }
}
