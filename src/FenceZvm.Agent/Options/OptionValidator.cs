using System.Net;
using System.Net.Sockets;
using FenceZvm.Agent.Secrets;

namespace FenceZvm.Agent.Options;

/// <summary>The checks of fence-agents' check_input and fence_zvmip, plus input hygiene. One line per failure.</summary>
public static class OptionValidator
{
    /// <summary>The longest DNS name; a longer one made the resolver throw.</summary>
    public const int MaxHostLength = 253;

    public static string? Validate(AgentOptions options)
    {
        if (OptionBinder.IsDocumentationOnly(options))
        {
            return null;
        }

        var zvmip = options.Flavor == AgentFlavor.Zvmip;
        if (zvmip && options.Username is null)
        {
            return "Failed: You have to set login name";
        }

        if (options.Hosts.Count == 0)
        {
            return "Failed: You have to enter fence address";
        }

        if (zvmip && options.Password is null && options.PasswordScript is null)
        {
            return "Failed: You have to enter password or password script";
        }

        if (options.Plugs.Count == 0 && options.Action is not (FenceAction.List or FenceAction.ListStatus or FenceAction.Monitor))
        {
            return "Failed: You have to enter plug number or machine identification";
        }

        if (!zvmip && options.Hosts.Any(h => GuestName.Check(h) == GuestNameProblem.TooLong))
        {
            return "Failed: Name of the SMAPI server virtual machine (--ip) can not be longer than 8 characters";
        }

        if (options.Plugs.Any(p => GuestName.Check(p) == GuestNameProblem.TooLong))
        {
            return "Failed: Name of image can not be longer than 8 characters";
        }

        return CheckName("--username", options.Username is null ? [] : [options.Username])
            ?? CheckName("--ip", options.Hosts)
            ?? (options.Hosts.Any(h => h.Length > MaxHostLength) ? $"Failed: The value you have entered for --ip is longer than {MaxHostLength} characters" : null)
            ?? (zvmip ? CheckHostForm(options.Hosts) : null)
            ?? CheckName("--plug", options.Plugs)
            ?? CheckPassword(options);
    }

    private static string? CheckName(string option, IReadOnlyList<string> values)
    {
        if (values.Any(v => v.Length == 0))
        {
            return $"Failed: The value you have entered for {option} is empty";
        }

        return values.Any(v => HasAny(v, c => !GuestName.IsNameCharacter(c)))
            ? $"Failed: The value you have entered for {option} contains a space, a control or a non-ASCII character"
            : null;
    }

    /// <summary>
    /// A port belongs in --ipport: "host:port" and "[v6]:port" are refused, never silently read as a
    /// host (upstream cannot resolve them either). An IPv6 address has two or more colons and may
    /// stand in brackets.
    /// </summary>
    private static string? CheckHostForm(IReadOnlyList<string> hosts)
    {
        foreach (string host in hosts)
        {
            bool bracketed = host.StartsWith('[') && host.EndsWith(']');
            int colon = host.IndexOf(':');
            if (host.Contains("]:") || (!bracketed && colon >= 0 && host.IndexOf(':', colon + 1) < 0))
            {
                return $"Failed: The value you have entered for --ip ({host}) includes a port; give the port with --ipport";
            }

            if (bracketed ? !IPAddress.TryParse(host[1..^1], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 : (host.Contains('[') || host.Contains(']')))
            {
                return $"Failed: The value you have entered for --ip ({host}) is neither a host name nor an IP address";
            }
        }

        return null;
    }

    /// <summary>
    /// A plain loop over the string: LINQ's Any over a string, or the vectorized span searches, are a
    /// dozen more methods to JIT-compile at every start on s390x, for values of a few characters.
    /// </summary>
    private static bool HasAny(string text, Func<char, bool> match)
    {
        foreach (char c in text)
        {
            if (match(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string? CheckPassword(AgentOptions options)
    {
        if (options.PasswordScript is { Length: 0 })
        {
            return "Failed: The value you have entered for --password-script is empty";
        }

        // A line break or NUL in a command is a broken input (lines joined by CR or NUL), and the
        // shell would print the joined text, the password included, in its error message.
        if (options.PasswordScript is { } script && HasAny(script, c => c != '\t' && EchoGuard.IsControl(c)))
        {
            return "Failed: The value you have entered for --password-script contains a NUL, line break or control character";
        }

        return options.Password is { } password ? CheckPasswordValue(password, options.SmapiEncoding, "--password") : null;
    }

    /// <summary>
    /// The checks a password must pass before anything is contacted, whether it came from --password or
    /// from the password script (<paramref name="source"/> names which, never the password itself).
    /// </summary>
    public static string? CheckPasswordValue(string password, string smapiEncoding, string source)
    {
        if (password.Length == 0)
        {
            return $"Failed: The value you have entered for {source} is empty";
        }

        if (password.Length > SmapiLimits.Password)
        {
            return $"Failed: The password from {source} is longer than {SmapiLimits.Password} characters";
        }

        if (HasAny(password, c => c is '\0' or '\r' or '\n'))
        {
            return $"Failed: The password from {source} contains a NUL or line break character";
        }

        // Checked here, not when the request is framed: by then the SMAPI server was already contacted.
        return FenceZvm.Smapi.Text.TextCodecs.TryGet(smapiEncoding, out var codec) && !codec.CanEncode(password)
            ? $"Failed: The password from {source} contains a character that the {smapiEncoding} SMAPI encoding cannot carry"
            : null;
    }
}
