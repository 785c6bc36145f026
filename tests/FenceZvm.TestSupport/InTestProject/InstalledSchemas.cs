namespace FenceZvm.Tests.Support;

/// <summary>
/// The RelaxNG schemas the metadata's real readers ship: fence-agents' metadata.rng (the schema of
/// every fence agent's -o metadata) and pcs's ocf-1.0.rng (what pcs validates an agent's metadata with).
/// </summary>
public static class InstalledSchemas
{
    public static string FenceAgents => Find("fence-agents", "/usr/share/cluster/relaxng/metadata.rng");

    public static string PcsOcf => Find("pcs", "/usr/share/pcs/data/ocf-1.0.rng", "/usr/lib/pcs/data/ocf-1.0.rng");

    /// <summary>Runs xmllint --relaxng on the document; returns its exit code and messages.</summary>
    public static async Task<(int ExitCode, string Stderr)> ValidateAsync(string xml, string schema)
    {
        string xmllint = ProcessRunner.FindOnPath("xmllint")
            ?? Skip("xmllint is not installed: apt-get install libxml2-utils (./build.sh test does as root)");
        ProcessResult r = await ProcessRunner.RunAsync(xmllint, ["--noout", "--relaxng", schema, "-"], xml);
        return (r.ExitCode, r.Stderr);
    }

    private static string Find(string package, params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? Skip($"{candidates[0]} is missing: install the package {package} (./build.sh test does as root)");

    private static string Skip(string reason)
    {
        Assert.Ignore(reason);
        return "";
    }
}
