using Microsoft.Extensions.Logging;

namespace FenceZvm.Agent.Logging;

/// <summary>
/// The agent's fixed set of providers behind ILoggerFactory, with the one routing rule it needs: the
/// frame trace goes only to the providers that take it, and only when enabled. Microsoft's LoggerFactory
/// would do the same through filter rules, but resolves each provider's alias attribute by reflection
/// and builds rule caches: hundreds of methods to JIT-compile at every start where nothing is
/// precompiled (s390x), for a routing decision made once per category.
/// </summary>
internal sealed class AgentLoggerFactory(IReadOnlyList<(ILoggerProvider Provider, bool TakesFrameTrace)> providers, bool frameTrace) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        bool trace = categoryName == AgentLogging.FrameTraceCategory;
        var loggers = new List<ILogger>(providers.Count);
        foreach (var (provider, takesFrameTrace) in providers)
        {
            if (!trace || (frameTrace && takesFrameTrace))
            {
                loggers.Add(provider.CreateLogger(categoryName));
            }
        }

        return new FanOutLogger([.. loggers]);
    }

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the agent's log destinations are fixed when logging is created");

    /// <summary>Closes every target; one that fails to close is passed over, as a line it fails to write is: the run's result is decided by then.</summary>
    public void Dispose()
    {
        foreach (var (provider, _) in providers)
        {
            try
            {
                provider.Dispose();
            }
            catch (Exception)
            {
                // Nothing is left to tell: the failure of a target was reported, if at all, when a line failed.
            }
        }
    }
}
