namespace FenceZvm.Tests.Support;

/// <summary>Where the repository and its published binaries are.</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>artifacts/bin, or $FENCE_ZVM_BIN (set by ./build.sh test).</summary>
    public static string BinDirectory =>
        Environment.GetEnvironmentVariable("FENCE_ZVM_BIN") is { Length: > 0 } bin ? bin : Path.Combine(Root, "artifacts", "bin");

    public static string Binary(string name)
    {
        string path = Path.Combine(BinDirectory, name);
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} does not exist: run ./build.sh (or ./build.sh test) first");
        }

        return path;
    }
}
