namespace FenceZvm.Tests.Harness;

/// <summary>The runner every process test relies on: a program past its timeout is gone, with what it started.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ProcessRunnerTests
{
    /// <summary>A shell that starts a child, prints the child's PID and its own, then waits for ever.</summary>
    private static readonly string[] Hanging = ["-c", "sleep 300 & echo $! $$; wait"];

    [Test]
    public async Task APastItsTimeoutProgramIsKilledWithItsChildrenAndReported()
    {
        ProcessResult r = await ProcessRunner.RunAsync("/bin/sh", Hanging, timeout: TimeSpan.FromMilliseconds(300), reportTimeout: true);

        Assert.That(r.TimedOut, Is.True, r.ToString());
        Assert.That(r.Stdout.Split(' ', StringSplitOptions.TrimEntries).Select(int.Parse).Where(ProcessTree.Running), Is.Empty, "processes left running: " + r);
    }

    [Test]
    public async Task APastItsTimeoutProgramFailsTheCaller()
    {
        var e = await Assert.ThrowsAsync<TimeoutException>(async () => await ProcessRunner.RunAsync("/bin/sh", Hanging, timeout: TimeSpan.FromMilliseconds(300)));

        Assert.That(e!.Message, Does.StartWith("sh -c sleep 300 & echo $! $$; wait did not exit within 0.3 s"));
    }

    [Test]
    public async Task AProgramThatNeverReadsItsInputStillMeetsItsTimeout()
    {
        // A megabyte fills the pipe long before it is written: the writing must not hold the runner.
        // A runner that waits for the writing fails here instead of hanging the suite.
        ProcessResult r = await ProcessRunner.RunAsync("/bin/sleep", ["300"], new string('x', 1 << 20), timeout: TimeSpan.FromMilliseconds(300), reportTimeout: true)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(r.TimedOut, Is.True, r.ToString());
    }

    [Test]
    public async Task WhatABackgroundProgramStartedIsStoppedWithIt()
    {
        string[] pids;
        await using (BackgroundProcess shell = ProcessRunner.Start("/bin/sh", Hanging))
        {
            Assert.That(await shell.WaitForStdoutAsync(lines => lines.Length > 0, TimeSpan.FromSeconds(10)), Is.True, shell.Output);
            pids = shell.StdoutLines[0].Split(' ');
        }

        Assert.That(pids.Select(int.Parse).Where(ProcessTree.Running), Is.Empty, "processes left running");
    }
}
