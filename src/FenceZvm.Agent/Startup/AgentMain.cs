using FenceZvm.Agent.Actions;
using FenceZvm.Agent.Logging;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Power;
using FenceZvm.Agent.ProcessIo;
using FenceZvm.Agent.Secrets;
using FenceZvm.Agent.Timing;
using FenceZvm.Smapi;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Startup;

/// <summary>
/// One run of the agent: parse, document actions, logging, validation, password script, delay,
/// then the action. Every failure ends as one log line and exit 1; nothing escapes as a stack trace.
/// </summary>
public static class AgentMain
{
    public static int Run(AgentInvocation invocation, CancellationToken cancellationToken)
    {
        AgentFlavor flavor = ProgramIdentity.FlavorOf(invocation.InvokedAs);
        string programName = Path.GetFileName(invocation.InvokedAs);
        var redactor = new SecretRedactor();
        AgentParseResult parsed = AgentFrontEnd.Parse(invocation.Arguments, invocation.Stdin, flavor, invocation.Environment);
        AgentOptions options = parsed.Options;
        redactor.Add(options.Password);

        if (parsed.Succeeded && TryDocument(options, flavor, invocation.Stdout) is { } documented)
        {
            if (Undelivered(invocation.Stdout))
            {
                invocation.Stderr.WriteLine(LogLine.Format(DateTime.Now, LogLevel.Error, UndeliveredOutput));
                return ExitCodes.Failure;
            }

            return documented;
        }

        ILoggerFactory loggers;
        try
        {
            loggers = AgentLogging.Create(Settings(options, programName, invocation), redactor);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            loggers = AgentLogging.Create(Settings(options with { DebugFile = null }, programName, invocation), redactor);
            using (loggers)
            {
                return FailUsage(loggers.CreateLogger(programName), $"Failed: Unable to create file {EchoGuard.Show(options.DebugFile ?? string.Empty)}");
            }
        }

        using (loggers)
        {
            ILogger logger = loggers.CreateLogger(programName);
            foreach (string warning in parsed.Warnings)
            {
                logger.LogWarning("{Warning}", warning);
            }

            string? error = parsed.Error ?? AgentFrontEnd.Validate(options);
            if (error is not null)
            {
                return FailUsage(logger, error);
            }

            // Checked first: the call would otherwise build its arguments and format state at every start.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(
                    "{Program} {Version}: action {Action}, plug(s) {Plugs}, SMAPI host(s) {Hosts}",
                    programName,
                    ProgramIdentity.Version,
                    options.Action,
                    string.Join(",", options.Plugs),
                    string.Join(",", options.Hosts));
            }
            if (options.Action == FenceAction.ValidateAll)
            {
                return ExitCodes.Success;
            }

            try
            {
                int exitCode = RunAction(options, flavor, redactor, loggers, invocation.Stdout, cancellationToken);
                if (options.Action is FenceAction.List or FenceAction.ListStatus && Undelivered(invocation.Stdout))
                {
                    logger.LogError("{Reason}", UndeliveredOutput);
                    return ExitCodes.Failure;
                }

                return exitCode;
            }
            catch (FenceFailure e)
            {
                logger.LogError("{Reason}", e.Message);
            }
            catch (SmapiException e)
            {
                logger.LogError("Failed: {Reason}", e.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogError("Failed: interrupted before the action completed");
            }

            return ExitCodes.Failure;
        }
    }

    private static int RunAction(AgentOptions options, AgentFlavor flavor, SecretRedactor redactor, ILoggerFactory loggers, TextWriter stdout, CancellationToken cancellationToken)
    {
        ILogger logger = loggers.CreateLogger("FenceZvm.Agent");
        string password = options.Password ?? string.Empty;
        if (options.PasswordScript is { } script)
        {
            // The script's output is read asynchronously (its deadline and an interrupt end the read); this
            // thread has nothing else to do meanwhile.
            password = PasswordScript.RunAsync(script, cancellationToken).GetAwaiter().GetResult();
            redactor.Add(password);
            if (OptionValidator.CheckPasswordValue(password, options.SmapiEncoding, "the password script") is { } error)
            {
                throw new FenceFailure(error);
            }
        }

        IPowerDevice device = flavor switch
        {
            AgentFlavor.Zvmip => DeviceFactory.CreateZvmip(options, password, loggers),
            _ => DeviceFactory.CreateZvm(options, loggers),
        };

        if (options.Action is FenceAction.Off or FenceAction.Reboot && options.Delay > TimeSpan.Zero)
        {
            logger.LogInformation("Delay {Seconds} second(s) before logging in to the fence device", options.Delay.TotalSeconds);
            Pause.For(options.Delay, cancellationToken);
        }

        return new ActionRunner(device, options, logger, stdout).Run(cancellationToken);
    }

    /// <summary>--help, --version, metadata and manpage: printed without contacting anything.</summary>
    private static int? TryDocument(AgentOptions options, AgentFlavor flavor, TextWriter stdout)
    {
        string? text = options.ShowHelp ? AgentFrontEnd.Help(flavor)
            : options.Action == FenceAction.Metadata ? AgentFrontEnd.Metadata(flavor)
            : options.Action == FenceAction.Manpage ? AgentFrontEnd.Manpage(flavor)
            : options.ShowVersion ? ProgramIdentity.Version + "\n"
            : null;
        if (text is null)
        {
            return null;
        }

        stdout.Write(text);
        return ExitCodes.Success;
    }

    private const string UndeliveredOutput = "Failed: stdout did not take the output (closed by its reader, full, or not read)";

    /// <summary>
    /// Whether a write to stdout failed. Where the output is the result (a list, the metadata) that fails
    /// the run, as a list cut short would tell the caller the device fences fewer guests; where the exit
    /// code is the result (on, off, reboot, status) it does not. A stdout the caller closed is not a failure.
    /// </summary>
    private static bool Undelivered(TextWriter stdout) => stdout is BestEffortWriter { Broken: true };

    private static int FailUsage(ILogger logger, string message)
    {
        logger.LogError("{Reason}", message);
        logger.LogError("{Hint}", AgentFrontEnd.UsageHint);
        return ExitCodes.Failure;
    }

    private static LoggingSettings Settings(AgentOptions options, string programName, AgentInvocation invocation) =>
        new(programName, invocation.Stderr)
        {
            VerboseLevel = options.VerboseLevel,
            Quiet = options.Quiet,
            DebugFile = options.DebugFile,
            SyslogSocket = invocation.Environment.TryGetValue("FENCE_ZVM_SYSLOG_SOCKET", out string? socket) && !string.IsNullOrEmpty(socket)
                ? socket
                : SyslogLoggerProvider.DefaultSocketPath,
        };
}
