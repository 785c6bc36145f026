using System.Text;
using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Metadata;

/// <summary>-o metadata, in the layout of fence-agents' metadata() (tabs, attribute order, spacing).</summary>
internal static class MetadataWriter
{
    public static string Write(AgentFlavor flavor)
    {
        var docs = AgentDescription.For(flavor);
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" ?>\n");
        xml.Append($"<resource-agent name=\"{Attribute(docs.Name)}\" shortdesc=\"{Attribute(docs.ShortDesc)}\" >\n");
        xml.Append($"<longdesc>{Text(docs.LongDesc)}</longdesc>\n");
        xml.Append($"<vendor-url>{Text(docs.VendorUrl)}</vendor-url>\n");
        xml.Append("<parameters>\n");
        foreach (var parameter in MetadataParameter.For(flavor))
        {
            AppendParameter(xml, parameter);
        }

        xml.Append("</parameters>\n");
        xml.Append("<actions>\n");
        foreach (var (action, name) in ActionNames.All)
        {
            xml.Append(action == FenceAction.On
                ? $"\t<action name=\"{name}\" automatic=\"0\"/>\n"
                : $"\t<action name=\"{name}\" />\n");
        }

        xml.Append("</actions>\n");
        xml.Append("</resource-agent>\n");
        return xml.ToString();
    }

    private static void AppendParameter(StringBuilder xml, MetadataParameter parameter)
    {
        var spec = parameter.Spec;
        var info = parameter.Deprecated ? " deprecated=\"1\"" : parameter.Obsoletes is { } old ? $" obsoletes=\"{old}\"" : "";
        var required = spec.Required ? "1" : "0";
        var defaultValue = spec.Default is null ? "" : $"default=\"{Attribute(spec.Default)}\" ";
        xml.Append($"\t<parameter name=\"{parameter.Name}\" unique=\"0\" required=\"{required}\"{info}>\n");
        xml.Append($"\t\t<getopt mixed=\"{Attribute(spec.GetoptMixed)}\" />\n");
        if (spec.Content == ContentType.Select)
        {
            xml.Append($"\t\t<content type=\"select\" {defaultValue} >\n");
            foreach (var choice in spec.Choices)
            {
                xml.Append($"\t\t\t<option value=\"{Attribute(choice)}\" />\n");
            }

            xml.Append("\t\t</content>\n");
        }
        else
        {
            xml.Append($"\t\t<content type=\"{TypeName(spec.Content)}\" {defaultValue} />\n");
        }

        xml.Append($"\t\t<shortdesc lang=\"en\">{Text(spec.ShortDesc)}</shortdesc>\n");
        xml.Append("\t</parameter>\n");
    }

    /// <summary>Spelled out rather than Enum.ToString, whose reflection is a large part of the start-up where everything is JIT-compiled (s390x).</summary>
    internal static string TypeName(ContentType content) => content switch
    {
        ContentType.Boolean => "boolean",
        ContentType.String => "string",
        ContentType.Second => "second",
        ContentType.Integer => "integer",
        _ => "select",
    };

    // Most texts hold nothing to escape; they are checked once instead of copied by five replacements.
    private static string Attribute(string text) => text.AsSpan().IndexOfAny("&\"<>'") < 0 ? text
        : text.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("'", "&apos;");

    private static string Text(string text) => text.AsSpan().IndexOfAny("&<>") < 0 ? text
        : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
