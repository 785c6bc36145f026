using System.Text.RegularExpressions;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// What Fedora/RHEL (annocheck) and Debian (lintian, hardening-check) require of every ELF a package ships,
/// read from the files with readelf: position-independent (ELF type DYN), full RELRO (a GNU_RELRO segment and
/// BIND_NOW), a stack that is not executable; and Debian's hardening-check where it is installed.
/// </summary>
internal static partial class ElfHardening
{
    /// <summary>
    /// hardening-check without two of its checks, neither of which a build of ours can meet: Fortify Source
    /// (no C of ours is compiled; the C and C++ objects linked in come prebuilt in the ILCompiler package, the
    /// apphost prebuilt in the SDK, and they call memset and the like unfortified) and control-flow protection
    /// (the code the .NET compilers emit carries no CET markers). PIE, the stack protector, RELRO and BIND_NOW
    /// are checked.
    /// </summary>
    private static readonly string[] HardeningCheckArguments = ["--nofortify", "--nocfprotection", "--quiet"];

    /// <summary>Every regular file under <paramref name="root"/> that starts with the ELF magic (symlinks not followed).</summary>
    public static string[] ElfFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).LinkTarget is null && StartsWithElfMagic(f))
            .Order(StringComparer.Ordinal)];

    /// <summary>One line per finding, "FILE: what is wrong"; none when every ELF under the root is hardened.</summary>
    public static async Task<List<string>> FindingsAsync(string root)
    {
        var findings = new List<string>();
        string? hardeningCheck = ProcessRunner.FindOnPath("hardening-check");
        foreach (string file in ElfFiles(root))
        {
            string name = Path.GetRelativePath(root, file);
            string header = await ReadElfAsync("-hW", file);
            string dynamic = await ReadElfAsync("-dW", file);
            string segments = await ReadElfAsync("-lW", file);
            if (!TypeLine().Match(header).Groups["type"].Value.Equals("DYN", StringComparison.Ordinal))
            {
                findings.Add($"{name}: not position-independent ({TypeLine().Match(header).Value.Trim()})");
            }

            if (!Regex.IsMatch(segments, @"(?m)^\s*GNU_RELRO\s"))
            {
                findings.Add($"{name}: no GNU_RELRO segment");
            }

            if (!BindNow().IsMatch(dynamic))
            {
                findings.Add($"{name}: no BIND_NOW (FLAGS BIND_NOW or FLAGS_1 NOW)");
            }

            Match stack = StackSegment().Match(segments);
            if (!stack.Success || stack.Groups["flags"].Value.Contains('E', StringComparison.Ordinal))
            {
                findings.Add($"{name}: executable or undeclared stack ({(stack.Success ? stack.Value.Trim() : "no GNU_STACK")})");
            }

            if (hardeningCheck is not null)
            {
                ProcessResult check = await ProcessRunner.RunAsync(hardeningCheck, [.. HardeningCheckArguments, file]);
                if (check.ExitCode != 0)
                {
                    findings.Add($"{name}: hardening-check: {check.Stdout.Trim()} {check.Stderr.Trim()}");
                }
            }
        }

        return findings;
    }

    /// <summary>Asserts there are ELF files under the root and that none has a finding.</summary>
    public static async Task AssertAllHardenedAsync(string root, int expectedElfFiles)
    {
        if (ProcessRunner.FindOnPath("readelf") is null)
        {
            Assert.Ignore("readelf is not installed: apt-get install binutils (gcc, which ./build.sh test installs, pulls it in)");
        }

        Assert.That(ElfFiles(root), Has.Length.EqualTo(expectedElfFiles), "the ELF files of the payload");
        Assert.That(await FindingsAsync(root), Is.Empty);
    }

    private static bool StartsWithElfMagic(string file)
    {
        using FileStream stream = File.OpenRead(file);
        Span<byte> magic = stackalloc byte[4];
        return stream.Read(magic) == 4 && magic.SequenceEqual(ElfMagic);
    }

    private static ReadOnlySpan<byte> ElfMagic => [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    private static async Task<string> ReadElfAsync(string option, string file)
    {
        ProcessResult result = await ProcessRunner.RunAsync("readelf", [option, file]);
        Assert.That(result.ExitCode, Is.Zero, $"readelf {option} {file}: {result}");
        return result.Stdout;
    }

    [GeneratedRegex(@"(?m)^\s*Type:\s+(?<type>\S+).*$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\(FLAGS\)\s+.*\bBIND_NOW\b|\(FLAGS_1\)\s+Flags:.*\bNOW\b")]
    private static partial Regex BindNow();

    // GNU_STACK  Offset VirtAddr PhysAddr FileSiz MemSiz  Flags  Align
    [GeneratedRegex(@"(?m)^\s*GNU_STACK\s+(?:\S+\s+){5}(?<flags>[RWE ]+?)\s+(?:0x[0-9a-f]+|[0-9]+)\s*$")]
    private static partial Regex StackSegment();
}
