using System.Globalization;
using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// The one line about a plug the z/VM system does not define: which name, which system was asked,
/// and where the name came from, so that an administrator finds the typo (a plug option, or the
/// pcmk_host_map entry that turned a node name into it).
/// </summary>
public static class UndefinedTarget
{
    /// <summary>How the agent learnt it: a power request answered "image not found".</summary>
    public const string PowerRequestSaid = "a power request was answered 'image not found'";

    /// <summary>How the agent learnt it: the name is missing from the directory's list of images.</summary>
    public const string DirectoryLacksIt = "it is not in the directory's list of images";

    public static string Describe(AgentOptions options, GuestName plug, string evidence) =>
        $"{plug} is not a guest defined on the z/VM system of {SystemAsked(options)} ({evidence}); {Origin(options)}";

    private static string SystemAsked(AgentOptions options) => options.Flavor == AgentFlavor.Zvm
        ? $"SMAPI IUCV server {string.Join(",", options.Hosts)} (this guest's own z/VM system)"
        : $"SMAPI server {string.Join(",", options.Hosts)} port {options.Port.ToString(CultureInfo.InvariantCulture)}";

    private static string Origin(AgentOptions options) => (options.PlugOrigin, options.NodeName) switch
    {
        (PlugOrigin.CommandLine, _) => "the name was given by --plug (-n) on the command line",
        (_, null or "") => "the name was given as plug= (or port=) on standard input",
        (_, { } node) when string.Equals(node, options.Plugs.FirstOrDefault(), StringComparison.OrdinalIgnoreCase) && options.Plugs.Count == 1 =>
            $"the fencer passed node {node}'s own name as the guest: map the node to its guest with pcmk_host_map (node:GUEST)",
        (_, { } node) => $"the fencer passed it as port= for node {node}: check that node's entry in pcmk_host_map",
    };
}
