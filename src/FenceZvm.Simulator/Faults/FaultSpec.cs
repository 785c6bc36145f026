using System.Globalization;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Simulator.Faults;

/// <summary>
/// One injected fault: KIND[:ARG][@FUNCTION][#GUEST][*COUNT]. Without @FUNCTION it applies to
/// every function, without #GUEST to every target, without *COUNT to every matching request.
/// </summary>
public sealed record FaultSpec(FaultKind Kind, int Argument = 0, int ReasonArgument = 0, SmapiFunction? Function = null, string? Guest = null, int? Count = null)
{
    public const string Syntax = "KIND[:ARG][@FUNCTION][#GUEST][*COUNT]";

    public const string Help =
        "Fault injection, --fault " + Syntax + " (repeatable; the first matching fault with requests left applies):\n" +
        "  refuse                   without *COUNT: port bound but not listening (connect refused);\n" +
        "                           with *COUNT: reset the first COUNT connections right after accept\n" +
        "  close-before-request-id  read the request, close without answering\n" +
        "  close-after-request-id   send response 1 (request id), close\n" +
        "  silence                  read the request, never answer (not even the request id)\n" +
        "  silence-after-request-id send response 1 (request id), never answer, do no work\n" +
        "  fragment                 write every byte separately with a 1 ms pause\n" +
        "  wrong-request-id         response 2 carries another request id\n" +
        "  output-length:N          response 2 declares output_length N (aliases: output-length-negative,\n" +
        "                           output-length-zero, output-length-eleven, output-length-huge = 2^31-1)\n" +
        "  truncated                response 2 declares more bytes than it sends, then closes\n" +
        "  garbage                  extra bytes after response 2\n" +
        "  delay:MS                 wait MS milliseconds before response 2\n" +
        "  rc:RC/RS                 answer RC/RS without doing the work (e.g. rc:900/99, rc:200/16)\n" +
        "  rc-after-work:RC/RS      do the work, then answer RC/RS (e.g. rc-after-work:900/40)\n" +
        "  tls-stall                with --tls-cert: accept, never answer the TLS handshake\n" +
        "  drop-after-work          do the work, close before response 2 (" + ResponseRecovery.WireName + " returns it)\n" +
        "  @FUNCTION limits it to one function (e.g. @" + ImageDeactivate.WireName + "), #GUEST to one target,\n" +
        "  *COUNT to the first COUNT matching requests. Example: --fault drop-after-work@" + ImageDeactivate.WireName + "*1";

    public static FaultSpec Parse(string spec)
    {
        string rest = spec.Trim();
        int? count = null;
        string? guest = null;
        SmapiFunction? function = null;

        int star = rest.LastIndexOf('*');
        if (star >= 0)
        {
            count = int.TryParse(rest[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n
                : throw Bad(spec, "*COUNT must be a positive number");
            rest = rest[..star];
        }

        int hash = rest.LastIndexOf('#');
        if (hash >= 0)
        {
            guest = rest[(hash + 1)..].ToUpperInvariant();
            rest = rest[..hash];
        }

        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            string name = rest[(at + 1)..];
            function = SmapiFunctions.TryGet(name, StringComparison.OrdinalIgnoreCase, out SmapiFunction named)
                ? named
                : throw Bad(spec, $"unknown function '{name}'");
            rest = rest[..at];
        }

        int colon = rest.IndexOf(':');
        string kind = (colon < 0 ? rest : rest[..colon]).ToLowerInvariant();
        string? argument = colon < 0 ? null : rest[(colon + 1)..];
        FaultSpec fault = ParseKind(spec, kind, argument) with { Function = function, Guest = guest, Count = count };
        if (fault.Kind is FaultKind.Refuse or FaultKind.TlsStall && (function is not null || guest is not null))
        {
            throw Bad(spec, $"{kind} happens before the request is read: it takes no @FUNCTION or #GUEST");
        }

        return fault;
    }

    public bool Matches(SmapiFunction? function, string? target) =>
        (Function is null || Function == function) && (Guest is null || Guest == target);

    private static FaultSpec ParseKind(string spec, string kind, string? argument)
    {
        FaultSpec Plain(FaultKind k) => argument is null ? new FaultSpec(k) : throw Bad(spec, $"{kind} takes no argument");

        return kind switch
        {
            "refuse" => Plain(FaultKind.Refuse),
            "close-before-request-id" => Plain(FaultKind.CloseBeforeRequestId),
            "close-after-request-id" => Plain(FaultKind.CloseAfterRequestId),
            "silence" => Plain(FaultKind.Silence),
            "silence-after-request-id" => Plain(FaultKind.SilenceAfterRequestId),
            "fragment" => Plain(FaultKind.Fragment),
            "wrong-request-id" => Plain(FaultKind.WrongRequestId),
            "truncated" => Plain(FaultKind.Truncated),
            "garbage" => Plain(FaultKind.Garbage),
            "drop-after-work" => Plain(FaultKind.DropAfterWork),
            "tls-stall" => Plain(FaultKind.TlsStall),
            "output-length-negative" => Plain(FaultKind.OutputLength) with { Argument = -1 },
            "output-length-zero" => Plain(FaultKind.OutputLength) with { Argument = 0 },
            "output-length-eleven" => Plain(FaultKind.OutputLength) with { Argument = 11 },
            "output-length-huge" => Plain(FaultKind.OutputLength) with { Argument = int.MaxValue },
            "output-length" => new FaultSpec(FaultKind.OutputLength, Number(spec, argument, int.MinValue)),
            "delay" => new FaultSpec(FaultKind.Delay, Number(spec, argument, 0)),
            "rc" => ParseReturnCode(spec, argument),
            "rc-after-work" => ParseReturnCode(spec, argument) with { Kind = FaultKind.ReturnCodeAfterWork },
            _ => throw Bad(spec, $"unknown fault kind '{kind}'"),
        };
    }

    private static FaultSpec ParseReturnCode(string spec, string? argument)
    {
        string[] parts = (argument ?? string.Empty).Split('/');
        if (parts.Length != 2)
        {
            throw Bad(spec, "rc and rc-after-work take RC/RS, e.g. rc:900/99");
        }

        return new FaultSpec(FaultKind.ReturnCode, Number(spec, parts[0], 0), Number(spec, parts[1], 0));
    }

    private static int Number(string spec, string? text, int min) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n >= min
            ? n
            : throw Bad(spec, $"'{text}' is not a valid number here");

    private static SimulatorConfigException Bad(string spec, string why) => new($"fault '{spec}': {why} (syntax {Syntax})");
}
