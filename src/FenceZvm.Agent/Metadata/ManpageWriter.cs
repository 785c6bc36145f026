using System.Text;
using FenceZvm.Agent.Options;
using FenceZvm.Agent.Startup;

namespace FenceZvm.Agent.Metadata;

/// <summary>
/// -o manpage: a section 8 troff page generated from the option table. man/fence_zvmip.8 and
/// man/fence_zvm.8 are this output, committed; a test checks they are up to date.
/// </summary>
internal static class ManpageWriter
{
    private static readonly Dictionary<FenceAction, string> ActionText = new()
    {
        [FenceAction.On] = "Activate (log on) the guest and wait until SMAPI reports it active.",
        [FenceAction.Off] = "Deactivate (log off) the guest and wait until SMAPI reports it inactive.",
        [FenceAction.Reboot] = "Off, then on, each one verified.",
        [FenceAction.Status] = "Print whether the guest is on or off; the exit status says it too (0 on, 2 off).",
        [FenceAction.List] = "Print every guest the SMAPI user may manage, one per line.",
        [FenceAction.ListStatus] = "Like list, with each guest's power state.",
        [FenceAction.Metadata] = "Print the XML description of the parameters that pcs and pacemaker read.",
        [FenceAction.Manpage] = "Print the troff source of this page.",
        [FenceAction.ValidateAll] = "Check the options and exit, without contacting SMAPI.",
    };

    public static string Write(AgentFlavor flavor)
    {
        var docs = AgentDescription.For(flavor);
        var name = docs.Name;
        var page = new StringBuilder();
        page.Append($".TH {Escape(name.ToUpperInvariant())} 8 \"\" \"fence\\-zvm {Escape(ProgramIdentity.Version)}\" \"System Manager's Manual\"\n");
        page.Append(".nh\n.SH NAME\n").Append($"{Escape(name)} \\- {Escape(docs.ShortDesc)}\n");
        page.Append(".SH SYNOPSIS\n")
            .Append($".B {Escape(name)}\n.RI [ OPTIONS ]\n.br\n")
            .Append($".B {Escape(name)}\n< \\fIname=value lines\\fR\n");

        page.Append(".SH DESCRIPTION\n").Append(Escape(Intro(flavor))).Append('\n');
        page.Append(".PP\n").Append(Escape(
            $"{name} reads its options from the command line or, when it is started without arguments, "
            + "as name=value lines on standard input (this is how fenced and pacemaker-fenced call it).")).Append('\n');
        page.Append(Paragraphs(docs.LongDesc));
        page.Append(".PP\n").Append(Escape(
            "For --method=cycle, add IMAGE_RECYCLE to the NAMELIST entry. A dedicated, non-privileged z/VM user "
            + "for fencing is recommended.")).Append('\n');
        if (docs.ManpageNote is { } testingNote)
        {
            page.Append(".PP\n").Append(Escape(testingNote)).Append('\n');
        }

        page.Append(".SH OPTIONS\n");
        foreach (var spec in UsageWriter.InHelpOrder(flavor))
        {
            page.Append(".TP\n").Append(Switches(spec)).Append('\n')
                .Append(Escape(Sentence(spec.Name == "action" ? UsageWriter.Description(spec) : spec.ShortDesc) + Notes(spec))).Append('\n');
        }

        page.Append(".SH STDIN PARAMETERS\n");
        foreach (var parameter in MetadataParameter.For(flavor))
        {
            var note = parameter.Deprecated ? $" Deprecated: use {parameter.Spec.Name}." : parameter.Obsoletes is { } old ? $" Obsoletes: {old}." : "";
            page.Append(".TP\n").Append($".B {Escape(parameter.Name)}\n")
                .Append(Escape(Sentence(parameter.Spec.ShortDesc) + note + Notes(parameter.Spec))).Append('\n');
        }

        page.Append(".SH ACTIONS\n");
        foreach (var (action, actionName) in ActionNames.All)
        {
            string text = (action == FenceAction.Monitor ? docs.MonitorText : ActionText[action]) + (action == FenceAction.Reboot ? " This is the default action." : "");
            page.Append(".TP\n").Append($".B {Escape(actionName)}\n").Append(Escape(text)).Append('\n');
        }

        page.Append(".SH EXIT STATUS\n")
            .Append(".TP\n.B 0\nSuccess; for status: the machine is on.\n")
            .Append(".TP\n.B 1\nFailure: bad options, the SMAPI server is unreachable or refused the request, or a timeout.\n")
            .Append(".TP\n.B 2\nFor status: the machine is off.\n");

        page.Append(".SH EXAMPLES\n");
        foreach (var (caption, commands) in Examples(flavor))
        {
            page.Append(".PP\n").Append(Escape(caption)).Append('\n')
                .Append(".PP\n.RS\n.nf\n").Append(Lines(commands)).Append(".fi\n.RE\n");
        }

        page.Append(".SH SEE ALSO\n").Append(SeeAlso(flavor));
        return page.ToString();
    }

    private static string Intro(AgentFlavor flavor) => flavor == AgentFlavor.Zvm
        ? "fence_zvm powers z/VM guests (virtual machines) off and on through the z/VM Systems Management API "
          + "(SMAPI) over AF_IUCV sockets, without any network: it runs in a guest of the same z/VM system as the "
          + "guests it fences. A high-availability cluster (pacemaker) calls it to power off a hung node before "
          + "another node takes over its resources. It reports success only after SMAPI confirms the new power "
          + "state, and otherwise fails with the decoded SMAPI return and reason codes."
        : "fence_zvmip powers z/VM guests (virtual machines) off and on through the z/VM Systems Management API "
          + "(SMAPI) server over TCP/IP (port 44444 by default, with TLS). A high-availability cluster (pacemaker) "
          + "calls it to power off a hung node before another node takes over its resources. It reports success "
          + "only after SMAPI confirms the new power state, and otherwise fails with the decoded SMAPI return and "
          + "reason codes.";

    /// <summary>
    /// The long description: prose paragraphs filled, literal ones (directory statements, NAMELIST and
    /// AUTHLIST lines) kept as written, consecutive literal paragraphs in one indented block.
    /// </summary>
    private static string Paragraphs(string text)
    {
        var page = new StringBuilder();
        var literal = false;

        // The first paragraph ("fence_zvmip is a Power Fencing agent ...") says what the introduction said.
        foreach (var paragraph in text.Trim().Split("\n\n").Select(p => p.Trim('\n')).Where(p => p.Length > 0).Skip(1))
        {
            var isLiteral = IsLiteral(paragraph);
            if (isLiteral && literal)
            {
                page.Append(".sp\n");
            }
            else if (isLiteral)
            {
                page.Append(".PP\n.RS\n.nf\n");
            }
            else
            {
                page.Append(literal ? ".fi\n.RE\n.PP\n" : ".PP\n");
            }

            page.Append(isLiteral ? Lines(paragraph) : Escape(string.Join(' ', paragraph.Split('\n'))) + "\n");
            literal = isLiteral;
        }

        return literal ? page.Append(".fi\n.RE\n").ToString() : page.ToString();
    }

    private static bool IsLiteral(string paragraph) =>
        paragraph.Split('\n').Any(l => l.StartsWith(':') || l.Contains("  ", StringComparison.Ordinal) || !l.Any(char.IsLower));

    /// <summary>"-a, --ip=[ip]" with the switches bold and the placeholder italic.</summary>
    private static string Switches(OptionSpec spec)
    {
        var text = new StringBuilder();
        if (spec.ShortForm is { } s)
        {
            text.Append($"\\fB\\-{Escape(s.ToString())}\\fR, ");
        }

        text.Append($"\\fB{Escape(spec.LongSwitch)}\\fR");
        if (spec.Placeholder is { } placeholder)
        {
            text.Append($"=\\fI{Escape(placeholder)}\\fR");
        }

        return text.ToString();
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    private static string Notes(OptionSpec spec)
    {
        var notes = new StringBuilder();
        if (spec.Choices.Count > 0)
        {
            notes.Append(" One of: ").Append(string.Join(", ", spec.Choices)).Append('.');
        }

        if (spec.Default is { } value)
        {
            notes.Append($" Default: {value}.");
        }
        else if (spec.Required)
        {
            notes.Append(" Required.");
        }

        return notes.ToString();
    }

    private static (string Caption, string Commands)[] Examples(AgentFlavor flavor) => flavor == AgentFlavor.Zvm
        ?
        [
            ("Query, then power off the guest LINUX01 through the default IUCV server VSMREQIU:",
                "fence_zvm -o status -n LINUX01\nfence_zvm -a VSMREQIU -o off -n LINUX01\n"),
            ("The same request on standard input, as pacemaker-fenced passes it:",
                "printf '%s\\n' action=reboot plug=LINUX01 | fence_zvm\n"),
            ("A pacemaker fence device for two cluster nodes, mapping host names to z/VM user ids:",
                "pcs stonith create zvmfence fence_zvm \\\n    pcmk_host_map=\"cnode1:CNODE1;cnode2:CNODE2\"\n"),
        ]
        :
        [
            ("Query the guest LINUX01, then power off two guests, reading the password from a script:",
                "fence_zvmip -a zvm.example.com -l FENCEUSR -p secret \\\n    -o status -n LINUX01\n"
                + "fence_zvmip -a 10.0.0.5 --disable-ssl -l FENCEUSR \\\n    -S /usr/local/bin/zvm-pass -o off -n LINUX01,LINUX02\n"),
            ("Pin a self-signed server certificate: print its SHA-256 fingerprint, then accept that certificate only "
                + "(write openssl's \"sha256 Fingerprint=\" as \"SHA256:\"):",
                "openssl s_client -connect zvm.example.com:44444 </dev/null \\\n    2>/dev/null | openssl x509 -noout -fingerprint -sha256\n"
                + "fence_zvmip -a zvm.example.com -l FENCEUSR -p secret \\\n    -o status -n LINUX01 --ssl-fingerprint SHA256:AB:CD:...\n"),
            ("The same request on standard input, as pacemaker-fenced passes it:",
                "printf '%s\\n' action=reboot ip=zvm.example.com username=FENCEUSR \\\n    password=secret plug=LINUX01 | fence_zvmip\n"),
            ("A pacemaker fence device for two cluster nodes, mapping host names to z/VM user ids:",
                "pcs stonith create zvmfence fence_zvmip ip=zvm.example.com \\\n    username=FENCEUSR password=secret \\\n"
                + "    pcmk_host_map=\"cnode1:CNODE1;cnode2:CNODE2\"\n"),
        ];

    private static string SeeAlso(AgentFlavor flavor) =>
        $".BR {(flavor == AgentFlavor.Zvm ? "fence_zvmip" : "fence_zvm")} (8),\n"
        + ".BR stonith_admin (8),\n.BR pacemaker\\-fenced (7),\n.BR pcs (8)\n"
        + ".PP\nThe README of fence\\-zvm in /usr/share/doc/fence\\-zvm/.\n";

    private static string Lines(string text) =>
        string.Concat(text.TrimEnd('\n').Split('\n').Select(l => (l.Length == 0 ? ".sp" : Escape(l)) + "\n"));

    internal static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e").Replace("-", "\\-");
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
