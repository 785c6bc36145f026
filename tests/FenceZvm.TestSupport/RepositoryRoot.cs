namespace FenceZvm.TestSupport;

/// <summary>The fence-zvm checkout the running tests or benchmarks were built from.</summary>
public static class RepositoryRoot
{
    private const string Marker = "FenceZvm.sln";
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The folder holding FenceZvm.sln, above the build output (or else above the current directory).</summary>
    public static string Path => Found.Value;

    private static string Find()
    {
        foreach (string start in (string[])[AppContext.BaseDirectory, Environment.CurrentDirectory])
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"{Marker} is not above {AppContext.BaseDirectory} nor {Environment.CurrentDirectory}: run from inside the fence-zvm checkout");
    }
}
