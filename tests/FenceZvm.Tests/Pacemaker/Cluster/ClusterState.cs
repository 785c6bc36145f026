namespace FenceZvm.Tests.Pacemaker.Cluster;

/// <summary>
/// The machine-wide state a single-node cluster leaves behind: cleared after the run so a rerun starts clean.
/// A CIB that exists before the run may be a real cluster's, so the tests refuse to start rather than delete it.
/// </summary>
public static class ClusterState
{
    private static readonly (string Directory, string Pattern)[] Leftovers =
    [
        ("/var/lib/pacemaker/cib", "cib*"),
        ("/var/lib/pacemaker/pengine", "pe-*"),
        ("/var/lib/corosync", "ringid_*"),
    ];

    public static string? ExistingCib() =>
        Directory.Exists("/var/lib/pacemaker/cib") ? Directory.EnumerateFiles("/var/lib/pacemaker/cib", "cib*").FirstOrDefault() : null;

    public static void Clear()
    {
        foreach (var (directory, pattern) in Leftovers)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(directory, pattern))
            {
                File.Delete(file);
            }
        }
    }
}
