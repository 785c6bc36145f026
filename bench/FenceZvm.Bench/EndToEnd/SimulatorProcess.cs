using System.Diagnostics;
using System.Globalization;

namespace FenceZvm.Bench.EndToEnd;

/// <summary>An smapi-sim process on 127.0.0.1 and a free port, killed on dispose.</summary>
internal sealed class SimulatorProcess : IDisposable
{
    private readonly Process process;
    private readonly string directory;

    private SimulatorProcess(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static SimulatorProcess Start(string simulator, IEnumerable<string> guests, string user, double deactivateDelaySeconds)
    {
        string directory = Directory.CreateTempSubdirectory("fence-zvm-bench-").FullName;
        string portFile = Path.Combine(directory, "port");
        var start = new ProcessStartInfo(simulator)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["--listen", "127.0.0.1:0", "--port-file", portFile, "--user", user,
            "--deactivate-delay", deactivateDelaySeconds.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string guest in guests)
        {
            start.ArgumentList.Add("--guest");
            start.ArgumentList.Add(guest);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {simulator}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"smapi-sim: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture, out int port))
            {
                return new SimulatorProcess(process, directory, port);
            }

            if (process.HasExited)
            {
                break;
            }

            Thread.Sleep(20);
        }

        process.Kill();
        throw new InvalidOperationException($"smapi-sim did not start listening (exit {(process.HasExited ? process.ExitCode : -1)})");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
