using System.Text;
using FenceZvm.Agent.Options;

namespace FenceZvm.Agent.Metadata;

/// <summary>-o manpage: a section 8 troff page generated from the option table.</summary>
internal static class ManpageWriter
{
    private static readonly Dictionary<FenceAction, string> ActionText = new()
    {
        [FenceAction.On] = "Power on the machine.",
        [FenceAction.Off] = "Power off the machine.",
        [FenceAction.Reboot] = "Reboot the machine: off, then on.",
        [FenceAction.Status] = "Report the power status of the machine (exit 0 when on, 2 when off).",
        [FenceAction.List] = "List the images the SMAPI user may manage.",
        [FenceAction.ListStatus] = "List the images with their power status.",
        [FenceAction.Metadata] = "Print the XML metadata of the agent.",
        [FenceAction.Manpage] = "Print this man page.",
        [FenceAction.ValidateAll] = "Check the options only; contact nothing.",
    };

    public static string Write(AgentFlavor flavor)
    {
        var docs = AgentDescription.For(flavor);
        var name = docs.Name;
        var page = new StringBuilder();
        page.Append($".TH {Escape(name.ToUpperInvariant())} 8 \"\" \"fence-zvm\" \"System Manager's Manual\"\n");
        page.Append(".SH NAME\n").Append($"{Escape(name)} \\- {Escape(docs.ShortDesc)}\n");
        page.Append(".SH SYNOPSIS\n").Append($".B {Escape(name)}\n[\\fIOPTIONS\\fR]\n.br\n")
            .Append($".B {Escape(name)}\n< \\fIname=value lines\\fR\n");
        page.Append(".SH DESCRIPTION\n.nf\n").Append(Lines(docs.LongDesc.TrimEnd())).Append(".fi\n");
        page.Append(".PP\n").Append(Escape(
            $"{name} reads its options from the command line or, when it is started without arguments, "
            + "as name=value lines on standard input (this is how fenced and pacemaker-fenced call it).")).Append('\n');
        if (docs.ManpageNote is { } testingNote)
        {
            page.Append(".PP\n").Append(Escape(testingNote)).Append('\n');
        }

        page.Append(".SH OPTIONS\n");
        foreach (var spec in UsageWriter.InHelpOrder(flavor))
        {
            page.Append(".TP\n").Append($".B {Escape(spec.GetoptMixed)}\n")
                .Append(Escape(UsageWriter.Description(spec) + Notes(spec))).Append('\n');
        }

        page.Append(".SH STDIN PARAMETERS\n");
        foreach (var parameter in MetadataParameter.For(flavor))
        {
            var note = parameter.Deprecated ? $" Deprecated: use {parameter.Spec.Name}." : parameter.Obsoletes is { } old ? $" Obsoletes: {old}." : "";
            page.Append(".TP\n").Append($".B {Escape(parameter.Name)}\n")
                .Append(Escape(parameter.Spec.ShortDesc + note + Notes(parameter.Spec))).Append('\n');
        }

        page.Append(".SH ACTIONS\n");
        foreach (var (action, actionName) in ActionNames.All)
        {
            page.Append(".TP\n").Append($".B {Escape(actionName)}\n").Append(Escape(action == FenceAction.Monitor ? docs.MonitorText : ActionText[action])).Append('\n');
        }

        page.Append(".SH EXIT STATUS\n")
            .Append(".TP\n.B 0\nSuccess; for status: the machine is on.\n")
            .Append(".TP\n.B 1\nFailure: bad options, the SMAPI server is unreachable or refused the request, or a timeout.\n")
            .Append(".TP\n.B 2\nFor status: the machine is off.\n");
        page.Append(".SH EXAMPLES\n.nf\n").Append(Lines(Examples(flavor))).Append(".fi\n");
        page.Append(".SH SEE ALSO\n").Append(Escape(SeeAlso(flavor))).Append('\n');
        return page.ToString();
    }

    private static string Notes(OptionSpec spec)
    {
        var notes = new StringBuilder();
        if (spec.Choices.Count > 0)
        {
            notes.Append(" Valid values: ").Append(string.Join(", ", spec.Choices)).Append('.');
        }

        if (spec.Default is { } value)
        {
            notes.Append($" (Default Value: {value})");
        }

        if (spec.Required)
        {
            notes.Append(" This parameter is always required.");
        }

        return notes.ToString();
    }

    private static string Examples(AgentFlavor flavor) => flavor == AgentFlavor.Zvm
        ? "fence_zvm -o status -n LINUX01\nfence_zvm -a VSMREQIU -o off -n LINUX01\nprintf 'action=reboot\\nplug=LINUX01\\n' | fence_zvm\n"
        : "fence_zvmip -a zvm.example.com -l FENCEUSR -p secret -o status -n LINUX01\n"
          + "fence_zvmip -a 10.0.0.5 --disable-ssl -l FENCEUSR -S /usr/local/bin/zvm-pass -o off -n LINUX01,LINUX02\n"
          + "printf 'ip=zvm.example.com\\nusername=FENCEUSR\\npassword=secret\\naction=reboot\\nplug=LINUX01\\n' | fence_zvmip\n";

    private static string SeeAlso(AgentFlavor flavor) =>
        (flavor == AgentFlavor.Zvm ? "fence_zvmip(8)" : "fence_zvm(8)") + ", stonith_admin(8), pacemaker-fenced(7), pcs(8)";

    private static string Lines(string text) =>
        string.Concat(text.Split('\n').Select(l => Escape(l) + "\n"));

    internal static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e").Replace("-", "\\-");
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
