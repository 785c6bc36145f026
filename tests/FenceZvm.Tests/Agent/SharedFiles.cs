using NUnit.Framework;
namespace FenceZvm.Tests.Agent;

/// <summary>Finds files of the shared folder that sits beside the repository (../shared from the repo root).</summary>
internal static class SharedFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/{relative} not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
