using System.Text.RegularExpressions;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>The Debian packages of ./build.sh deb (artifacts/deb/), made once per test run for every fixture that needs them.</summary>
internal static class DebTools
{
    public const string UpstreamVersion = "0.1.0";
    public const string Version = UpstreamVersion + "-1";
    private static Task<ProcessResult>? build;

    public static string Directory => Path.Combine(RepoPaths.Root, "artifacts", "deb");

    public static string Dsc => Path.Combine(Directory, $"fence-zvm_{Version}.dsc");

    public static string Package(string name) => Path.Combine(Directory, $"{name}_{Version}_{Architecture}.deb");

    public static string Architecture { get; private set; } = "";

    /// <summary>Skips (with what to install) when the Debian build tools are missing; ./build.sh test installs them as root.</summary>
    public static void RequireTools()
    {
        string[] missing = new[] { ("dpkg-buildpackage", "dpkg-dev"), ("dpkg-source", "dpkg-dev"), ("dh", "debhelper"), ("help2man", "help2man") }
            .Where(t => ProcessRunner.FindOnPath(t.Item1) is null).Select(t => $"{t.Item1} ({t.Item2})").ToArray();
        if (missing.Length > 0)
        {
            Assert.Ignore($"missing {string.Join(", ", missing)}: apt-get install debhelper dpkg-dev help2man lintian devscripts (./build.sh test does as root)");
        }
    }

    /// <summary>./build.sh deb, once: the source package and the .debs built from it.</summary>
    public static async Task BuildAsync()
    {
        RequireTools();
        ProcessResult result = await (build ??= ProcessRunner.RunAsync(Path.Combine(RepoPaths.Root, "build.sh"), ["deb"], timeout: TimeSpan.FromMinutes(20)));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Architecture = (await ProcessRunner.RunAsync("dpkg", ["--print-architecture"])).Stdout.Trim();
    }

    /// <summary>dpkg-deb -x of each .deb into <paramref name="root"/>.</summary>
    public static async Task ExtractAsync(string root, params string[] debs)
    {
        System.IO.Directory.CreateDirectory(root);
        foreach (string deb in debs)
        {
            var extract = await ProcessRunner.RunAsync("dpkg-deb", ["-x", deb, root]);
            Assert.That(extract.ExitCode, Is.Zero, extract.ToString());
        }
    }

    public static async Task<ProcessResult> RunAsync(string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.FindOnPath(program) ?? program, arguments, timeout: TimeSpan.FromMinutes(5));
        Assert.That(result.ExitCode, Is.EqualTo(0), $"{program} {string.Join(' ', arguments)}: {result}");
        return result;
    }

    /// <summary>Errors are never accepted; each warning accepted is overridden in packaging/debian with its reason.</summary>
    public static async Task AssertLintianCleanAsync(params string[] files)
    {
        string? lintian = ProcessRunner.FindOnPath("lintian");
        if (lintian is null)
        {
            Assert.Ignore("lintian is not installed: apt-get install lintian (./build.sh test does as root)");
        }

        var result = await ProcessRunner.RunAsync(lintian, ["--fail-on", "error,warning", .. files], timeout: TimeSpan.FromMinutes(10));

        TestContext.Progress.WriteLine($"lintian {string.Join(' ', files.Select(Path.GetFileName))}: {(result.Stdout.Length == 0 ? "nothing to report" : result.Stdout)}");
        Assert.That(Regex.Matches(result.Stdout, @"(?m)^[EW]: .*$").Select(m => m.Value), Is.Empty, result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
