using FenceZvm.Agent.Options;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

/// <summary>Shorthands for calling the front end in tests.</summary>
internal static class Parse
{
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static AgentParseResult Stdin(string text, AgentFlavor flavor = AgentFlavor.Zvmip, IReadOnlyDictionary<string, string?>? environment = null) =>
        AgentFrontEnd.Parse([], new StringReader(text), flavor, environment ?? NoEnvironment);

    public static AgentParseResult Args(params string[] args) => Args(AgentFlavor.Zvmip, args);

    public static AgentParseResult Args(AgentFlavor flavor, params string[] args) =>
        AgentFrontEnd.Parse(args, new StringReader("action=on\n"), flavor, NoEnvironment);
}
