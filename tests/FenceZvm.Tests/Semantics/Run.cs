using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Tests.Semantics;

/// <summary>
/// One in-process action against a <see cref="FakePowerDevice"/> on a fake clock: the clock moves
/// only when the agent waits, so a 20 s power timeout takes no real time.
/// </summary>
public sealed class Run
{
    private Run(int exitCode, string stdout, string? failure, IReadOnlyList<string> warnings, TimeSpan waited)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Failure = failure;
        Warnings = warnings;
        Waited = waited;
    }

    public int ExitCode { get; }

    public string Stdout { get; }

    /// <summary>The failure line, when the action threw a <see cref="FenceFailure"/> (exit 1).</summary>
    public string? Failure { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Fake time the action waited (polling sleeps, power_wait).</summary>
    public TimeSpan Waited { get; }

    public static AgentOptions Options(FenceAction action, params string[] plugs) => new()
    {
        Action = action,
        Plugs = plugs,
        Hosts = ["zvm.example.com"],
        PowerTimeout = TimeSpan.FromSeconds(20),
        StonithStatusSleep = TimeSpan.FromSeconds(1),
    };

    public static Run Action(FakePowerDevice device, FenceAction action, params string[] plugs) =>
        With(device, Options(action, plugs));

    public static Run With(FakePowerDevice device, AgentOptions options)
    {
        var time = new SteppingClock();
        var logger = new ListLogger();
        var stdout = new StringWriter { NewLine = "\n" };
        var runner = new ActionRunner(device, options, logger, stdout, time);

        // The action holds its thread while it waits, so it gets one of its own while this one moves the
        // clock; the fake device answers at once, so the action only ever waits on the fake clock.
        Task<int> run = Task.Factory.StartNew(() => runner.Run(CancellationToken.None), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!time.RunUntilDone(run, TimeSpan.FromSeconds(1000)))
        {
            throw new AssertionException("the action did not finish within 1000 s of fake time; calls: " + string.Join(", ", device.Calls));
        }

        TimeSpan waited = time.GetUtcNow() - time.Start;
        try
        {
            return new Run(run.GetAwaiter().GetResult(), stdout.ToString(), null, logger.Warnings, waited);
        }
        catch (FenceFailure e)
        {
            return new Run(ExitCodes.Failure, stdout.ToString(), e.Message, logger.Warnings, waited);
        }
    }

    public override string ToString() =>
        $"exit {ExitCode}, stdout '{Stdout}', failure '{Failure}', warnings [{string.Join(" | ", Warnings)}], waited {Waited.TotalSeconds} s";

    private sealed class ListLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
