using System.Diagnostics;
using NUnit.Framework;

namespace FenceZvm.Tests.Agent;

/// <summary>Runs a command-line tool found on PATH, feeding stdin, and collects its output.</summary>
internal static class ExternalTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => System.IO.Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public static (int ExitCode, string Stdout, string Stderr) Run(string path, string input, params string[] args)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
