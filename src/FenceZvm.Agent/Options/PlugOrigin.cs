namespace FenceZvm.Agent.Options;

/// <summary>How the agent was given its plug names: told in the message about a target that does not exist.</summary>
public enum PlugOrigin
{
    CommandLine,
    Stdin,
}
