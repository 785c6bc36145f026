using FenceZvm.Agent.Metadata;

namespace FenceZvm.Agent.Options;

/// <summary>What the entry point calls: parse (command line, or stdin when there are no arguments), validate, and the documents.</summary>
public static class AgentFrontEnd
{
    /// <summary>Printed after a parse or validation failure, as fence-agents' fail_usage does.</summary>
    public const string UsageHint = "Please use '-h' for usage";

    public static AgentParseResult Parse(string[] args, TextReader stdin, AgentFlavor flavor, IReadOnlyDictionary<string, string?> environment)
    {
        string? readError;
        var raw = args.Length > 0
            ? CommandLineOptionReader.Read(args, flavor, out readError)
            : StdinOptionReader.Read(stdin, flavor, out readError);
        var bound = OptionBinder.Bind(raw, flavor, environment);
        bound = bound with { Options = bound.Options with { PlugOrigin = args.Length > 0 ? PlugOrigin.CommandLine : PlugOrigin.Stdin, NodeName = raw.NodeName } };
        return readError is null ? bound : bound with { Error = readError };
    }

    public static string? Validate(AgentOptions options) => OptionValidator.Validate(options);

    public static string Metadata(AgentFlavor flavor) => MetadataWriter.Write(flavor);

    public static string Help(AgentFlavor flavor) => UsageWriter.Write(flavor);

    public static string Manpage(AgentFlavor flavor) => ManpageWriter.Write(flavor);
}
