using System.Globalization;
using System.Text.Json;
using FenceZvm.Simulator.State;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// The smapi-sim binary as a process on a free loopback port, with a state file: the fencer runs the
/// agent as its own process, and the state file is the proof of what the agent did to each guest.
/// </summary>
public sealed class SmapiSimProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private readonly BackgroundProcess process;
    private readonly string portFile;

    private SmapiSimProcess(BackgroundProcess process, string portFile, string stateFile)
    {
        this.process = process;
        this.portFile = portFile;
        StateFile = stateFile;
    }

    public string StateFile { get; }

    public int Port { get; private set; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Guests like "CNODE1=on", users like "NAME:PW[:FUNCS[:TARGETS]]"; the built smapi-sim unless another is given.</summary>
    public static async Task<SmapiSimProcess> StartAsync(string directory, IEnumerable<string> guests, IEnumerable<string> users, string? binary = null)
    {
        Directory.CreateDirectory(directory);
        string portFile = Path.Combine(directory, "port");
        string stateFile = Path.Combine(directory, "state.json");
        string[] arguments =
        [
            "--listen", "127.0.0.1:0", "--port-file", portFile, "--state-file", stateFile,
            .. guests.SelectMany(g => new[] { "--guest", g }),
            .. users.SelectMany(u => new[] { "--user", u }),
        ];
        var sim = new SmapiSimProcess(BackgroundProcess.Start(binary ?? RepoPaths.Binary("smapi-sim"), arguments), portFile, stateFile);
        if (!await Poll.UntilAsync(() => sim.process.HasExited || sim.ReadPort() > 0, StartDeadline) || sim.process.HasExited)
        {
            string output = sim.process.Output;
            await sim.DisposeAsync();
            Assert.Fail($"smapi-sim did not start listening within {StartDeadline.TotalSeconds} s:\n{output}");
        }

        sim.Port = sim.ReadPort();
        return sim;
    }

    /// <summary>The guest's record in the state file (rewritten atomically by the simulator after every change).</summary>
    public GuestRecord Guest(string name)
    {
        StateDocument document;
        try
        {
            document = StateFileWriter.Read(StateFile);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            throw new AssertionException($"cannot read the simulator's state file {StateFile}: {e.Message}");
        }

        return document.Guests.FirstOrDefault(g => g.Name == name)
            ?? throw new AssertionException($"guest {name} is not in {StateFile}: {File.ReadAllText(StateFile)}");
    }

    public string StateFileText => File.Exists(StateFile) ? File.ReadAllText(StateFile) : "(no state file)";

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private int ReadPort() =>
        File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture, out int port) ? port : 0;
}
