using System.CommandLine;
using System.Globalization;
using FenceZvm.Simulator;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Text;

namespace FenceZvm.SimulatorHost;

/// <summary>The smapi-sim command line: options declared once, parsed into <see cref="SimulatorOptions"/>.</summary>
internal static class SimulatorCommand
{
    private const int UsageError = 2;

    private static readonly Option<string[]> Listen = new("--listen")
    {
        Description = "TCP address HOST:PORT to listen on (repeatable); IPv6 in brackets, port 0 = any free port; with --iucv-socket, no TCP unless given",
        DefaultValueFactory = _ => ["127.0.0.1:44444"],
    };

    private static readonly Option<string?> PortFile = new("--port-file") { Description = "Write the first TCP port here once listening" };

    private static readonly Option<string[]> Guests = new("--guest")
    {
        Description = "Defined guest NAME[=on|off][:stuck] (repeatable; default on; stuck: deactivation accepted but never completes)",
    };

    private static readonly Option<string[]> Users = new("--user")
    {
        Description = "SMAPI user NAME:PASSWORD[:FUNCTIONS[:TARGETS[:expired]]] (repeatable); FUNCTIONS and TARGETS are 'all' (default) or comma lists",
    };

    private static readonly Option<string> Encoding = new("--encoding")
    {
        Description = "Text encoding of requests and responses",
        DefaultValueFactory = _ => "ascii",
    };

    private static readonly Option<string[]> Faults = new("--fault") { Description = $"Inject a fault {FaultSpec.Syntax} (repeatable; kinds listed above)" };

    private static readonly Option<string?> StateFile = new("--state-file") { Description = "JSON file of guest states, rewritten after every change" };
    private static readonly Option<string?> GuestHook = new("--guest-hook")
    {
        Description = "Shell command run as 'CMD GUEST on|off' (also SMAPI_SIM_GUEST, SMAPI_SIM_STATE) each time a guest powers off or on, before the answer; its failure is logged only",
    };

    private static readonly Option<string?> TlsCert = new("--tls-cert") { Description = "Serve TLS on the TCP listeners with this PEM certificate (needs --tls-key)" };
    private static readonly Option<string?> TlsKey = new("--tls-key") { Description = "PEM private key of --tls-cert" };

    private static readonly Option<double> DeactivateDelay = new("--deactivate-delay") { Description = "Seconds a deactivation takes, from the request on the wall clock (status still active, 200/16 meanwhile; the state file's logoffTime records when it went off)" };

    private static readonly Option<double> DeactivateDelayMax = new("--deactivate-delay-max") { Description = "With --deactivate-delay: each deactivation takes a random time from --deactivate-delay up to this many seconds" };

    private static readonly Option<double> ActivateDelay = new("--activate-delay") { Description = "Seconds before an activated guest shows active" };

    private static readonly Option<int> Workers = new("--workers") { Description = "Connections served at once, as SMAPI's pool of worker servers (further ones wait their turn); 0 = no limit" };

    private static readonly Option<double> RecycleDelay = new("--recycle-delay")
    {
        Description = $"Seconds an {ImageRecycle.WireName} takes: the guest shows inactive meanwhile and its new logon time is that much after the request (default 0: at once, the logon still later than the request)",
    };

    private static readonly Option<string[]> NameLists = new("--namelist")
    {
        Description = $"Name list NAME=GUEST1,GUEST2,... (repeatable; NAME up to 64 characters) usable as the target of {ImageActivate.WireName}, {ImageDeactivate.WireName} and {ImageRecycle.WireName}; each member's failure is listed in the output",
    };

    private static readonly Option<string?> IucvSocket = new("--iucv-socket") { Description = "AF_UNIX socket PATH served as the IUCV flavour (no password; the caller is --iucv-caller)" };

    private static readonly Option<string?> IucvCaller = new("--iucv-caller") { Description = $"Guest id of the IUCV caller: authorized as the --user of that name (its password is not used; {CheckAuthentication.WireName} still checks the password of any other user it names); a caller no --user names gets RC 100 RS 16" };

    private static readonly Option<double> IucvBusy = new("--iucv-busy")
    {
        Description = "Seconds after start during which the IUCV socket is at its connection limit: a connect fails with EAGAIN, as AF_IUCV's does when the server's maximum is reached",
    };

    public static int Run(string[] args)
    {
        Encoding.AcceptOnlyFromAmong([.. TextCodecs.Names]);
        var root = new RootCommand("Simulated z/VM SMAPI server (TCP as for fence_zvmip; AF_UNIX standing in for AF_IUCV as for fence_zvm).\n\n" + FaultSpec.Help)
        {
            Listen, PortFile, Guests, Users, NameLists, Encoding, Faults, StateFile, GuestHook, TlsCert, TlsKey, DeactivateDelay, DeactivateDelayMax, ActivateDelay, RecycleDelay, Workers,
            IucvSocket, IucvCaller, IucvBusy,
        };
        root.SetAction(result => Serve(ToOptions(result), result.GetValue(PortFile)));

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            Console.Error.WriteLine($"smapi-sim: {parsed.Errors[0].Message.ReplaceLineEndings(" ")} (see --help)");
            return UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (SimulatorConfigException e)
        {
            Console.Error.WriteLine($"smapi-sim: {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"smapi-sim: {e.Message}");
            return 1;
        }
    }

    private static SimulatorOptions ToOptions(ParseResult result)
    {
        GuestDefinition[] guests = [.. (result.GetValue(Guests) ?? []).Select(GuestDefinition.Parse)];
        SmapiUser[] users = [.. (result.GetValue(Users) ?? []).Select(SmapiUser.Parse)];
        if (guests.Length == 0)
        {
            throw new SimulatorConfigException("no guest defined: give at least one --guest NAME[=on|off][:stuck]");
        }

        if (users.Length == 0)
        {
            throw new SimulatorConfigException("no SMAPI user defined: give at least one --user NAME:PASSWORD");
        }

        TextCodecs.TryGet(result.GetValue(Encoding)!, out ITextCodec codec);
        return new SimulatorOptions
        {
            Listen = [.. ListenSpecs(result).Select(ListenEndpoint.Parse)],
            Guests = guests,
            Users = users,
            Codec = codec,
            Faults = [.. (result.GetValue(Faults) ?? []).Select(FaultSpec.Parse)],
            StateFile = result.GetValue(StateFile),
            GuestHook = result.GetValue(GuestHook) is { Length: > 0 } hook ? hook : null,
            Tls = Tls(result.GetValue(TlsCert), result.GetValue(TlsKey)),
            DeactivateDelay = Seconds(result.GetValue(DeactivateDelay), "--deactivate-delay"),
            DeactivateDelayMax = Seconds(result.GetValue(DeactivateDelayMax), "--deactivate-delay-max"),
            ActivateDelay = Seconds(result.GetValue(ActivateDelay), "--activate-delay"),
            Workers = result.GetValue(Workers) is >= 0 and var workers ? workers : throw new SimulatorConfigException("--workers must be 0 (no limit) or more"),
            RecycleDelay = Seconds(result.GetValue(RecycleDelay), "--recycle-delay"),
            NameLists = [.. (result.GetValue(NameLists) ?? []).Select(NameList.Parse)],
            IucvSocket = result.GetValue(IucvSocket),
            IucvBusy = Seconds(result.GetValue(IucvBusy), "--iucv-busy"),
            IucvCaller = result.GetValue(IucvCaller) is { } caller ? GuestDefinition.ValidName(caller, "--iucv-caller") : null,
        };
    }

    private static SimulatorTls? Tls(string? certificate, string? key) => (certificate, key) switch
    {
        (null, null) => null,
        ({ } c, { } k) => SimulatorTls.FromPemFiles(c, k),
        _ => throw new SimulatorConfigException("--tls-cert and --tls-key go together"),
    };

    /// <summary>The IUCV flavour alone does not also take the default TCP port.</summary>
    private static string[] ListenSpecs(ParseResult result) =>
        result.GetValue(IucvSocket) is not null && result.GetResult(Listen) is null or { Implicit: true }
            ? []
            : result.GetValue(Listen) ?? [];

    private static TimeSpan Seconds(double value, string option) =>
        value is >= 0 and <= 86400 ? TimeSpan.FromSeconds(value) : throw new SimulatorConfigException($"{option} must be 0 to 86400 seconds");

    private static int Serve(SimulatorOptions options, string? portFile)
    {
        using var stop = new SignalWaiter();
        SmapiSimulator simulator = SmapiSimulator.Start(options);
        try
        {
            if (portFile is not null && simulator.TcpEndpoints.Count > 0)
            {
                string temporary = portFile + ".tmp";
                File.WriteAllText(temporary, simulator.TcpEndpoints[0].Port.ToString(CultureInfo.InvariantCulture) + "\n");
                File.Move(temporary, portFile, overwrite: true);
            }

            foreach (var endpoint in simulator.TcpEndpoints)
            {
                Console.Out.WriteLine($"listening tcp {ListenEndpoint.Format(endpoint)}");
            }

            if (simulator.IucvSocketPath is { } path)
            {
                Console.Out.WriteLine($"listening unix {path}");
            }

            Console.Out.Flush();
            stop.Wait();
        }
        finally
        {
            simulator.StopAsync().GetAwaiter().GetResult();
        }

        return 0;
    }
}
