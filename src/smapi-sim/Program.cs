using FenceZvm.SimulatorHost;

// Socket completions run on the socket event thread instead of hopping to the thread pool: with one
// short connection per request that is measurably cheaper (C load generator, 2 cores: about 8%
// more requests/s, lower p99). The handlers never block on another socket. Read by the runtime at
// the first socket operation; a value from the environment is left as it is.
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
{
    Environment.SetEnvironmentVariable(InlineCompletions, "1");
}

return SimulatorCommand.Run(args);
