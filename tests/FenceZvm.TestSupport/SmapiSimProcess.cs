using System.Globalization;

namespace FenceZvm.TestSupport;

/// <summary>
/// The published smapi-sim as a process on a free loopback port, optionally with a state file (the proof of
/// what an agent run elsewhere did to each guest); stopped on dispose.
/// </summary>
public sealed class SmapiSimProcess : IAsyncDisposable, IDisposable
{
    private const string Listening = "listening tcp ";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private readonly BackgroundProcess process;

    private SmapiSimProcess(BackgroundProcess process, int port, string? stateFile)
    {
        this.process = process;
        Port = port;
        StateFile = stateFile;
    }

    public int Port { get; }

    public int Pid => process.Pid;

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public string? StateFile { get; }

    public string StateFileText => File.Exists(StateFile) ? File.ReadAllText(StateFile) : "(no state file)";

    /// <summary>
    /// Guests like "CNODE1=on", users like "NAME:PW[:FUNCS[:TARGETS]]", more smapi-sim <paramref name="options"/>
    /// such as "--deactivate-delay", "0"; <paramref name="onStderrLine"/> sees what it reports on the way.
    /// </summary>
    public static async Task<SmapiSimProcess> StartAsync(
        string binary,
        IEnumerable<string> guests,
        IEnumerable<string> users,
        string? stateFile = null,
        IEnumerable<string>? options = null,
        Action<string>? onStderrLine = null)
    {
        if (stateFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stateFile))!);
        }

        string[] arguments =
        [
            "--listen", "127.0.0.1:0", .. stateFile is null ? Array.Empty<string>() : ["--state-file", stateFile],
            .. guests.SelectMany(g => new[] { "--guest", g }),
            .. users.SelectMany(u => new[] { "--user", u }),
            .. options ?? [],
        ];
        BackgroundProcess process = ProcessRunner.Start(binary, arguments, onStderrLine: onStderrLine);
        if (!await process.WaitForStdoutAsync(lines => lines.Any(l => l.StartsWith(Listening, StringComparison.Ordinal)), StartDeadline))
        {
            await process.StopAsync();
            string failure = $"smapi-sim did not start listening (exit {process.ExitCode}, waited at most {StartDeadline.TotalSeconds} s):\n{process.Output}";
            await process.DisposeAsync();
            throw new InvalidOperationException(failure);
        }

        // "listening tcp 127.0.0.1:PORT"
        string line = process.StdoutLines.First(l => l.StartsWith(Listening, StringComparison.Ordinal));
        return new SmapiSimProcess(process, int.Parse(line[(line.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture), stateFile);
    }

    /// <summary>For callers without await (the benchmarks): <see cref="StartAsync"/>, blocking.</summary>
    public static SmapiSimProcess Start(string binary, IEnumerable<string> guests, IEnumerable<string> users, IEnumerable<string>? options = null, Action<string>? onStderrLine = null) =>
        StartAsync(binary, guests, users, options: options, onStderrLine: onStderrLine).GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => process.DisposeAsync();

    public void Dispose() => process.Dispose();
}
