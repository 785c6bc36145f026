using FenceZvm.Smapi.Trace;
using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>Sends SMAPI frame-trace lines to the debug log (category <see cref="AgentLogging.FrameTraceCategory"/>).</summary>
public sealed class LoggerTraceSink(ILogger logger) : IFrameTraceSink
{
    public void WriteLine(string line) => logger.LogDebug("{TraceLine}", line);
}
