using System.Globalization;
using FenceZvm.TestSupport;

namespace FenceZvm.Bench.Support;

/// <summary>A whole-process harness's options ("--name value"), with the defaults they share: paths in the checkout.</summary>
internal sealed class BenchArguments(string[] args)
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>--bin: the published binaries (artifacts/bin, what ./build.sh builds).</summary>
    public string Bin => Text("--bin", InCheckout("artifacts", "bin"));

    /// <summary>--upstream: the upstream agent (Debian's fence-agents).</summary>
    public string Upstream => Text("--upstream", "/usr/sbin/fence_zvmip");

    /// <summary>--out: where the reports go (artifacts/bench).</summary>
    public string Output => Text("--out", InCheckout("artifacts", "bench"));

    public static string InCheckout(params string[] parts) => Path.Combine([Root, .. parts]);

    public string Text(string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>True when every program exists; otherwise says which is missing and how to get it (<paramref name="hint"/>).</summary>
    public static bool Present(string bench, string hint, params string[] files)
    {
        foreach (string file in files.Where(f => !File.Exists(f)))
        {
            Console.Error.WriteLine($"{bench}: {file} is missing ({hint})");
            return false;
        }

        return true;
    }
}
