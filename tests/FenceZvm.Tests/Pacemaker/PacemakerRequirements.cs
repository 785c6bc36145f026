namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// What these tests need: root (to install agents in /usr/sbin and run the fencer) and the Debian
/// packages pacemaker, pacemaker-cli-utils, pcs and fence-agents (./build.sh test installs them as root).
/// Without them the tests are skipped with the reason.
/// </summary>
public static class PacemakerRequirements
{
    public const string Fencer = "/usr/lib/pacemaker/pacemaker-fenced";
    public const string StonithAdmin = "/usr/sbin/stonith_admin";
    public const string CrmResource = "/usr/sbin/crm_resource";
    public const string Pcs = "/usr/sbin/pcs";
    public const string ReferenceAgentName = "fence_zvmip";
    public const string ReferenceAgent = "/usr/sbin/" + ReferenceAgentName;

    private static readonly (string Path, string Package)[] Tools =
    [
        (Fencer, "pacemaker"),
        (StonithAdmin, "pacemaker-cli-utils"),
        (CrmResource, "pacemaker-cli-utils"),
        (Pcs, "pcs"),
        (ReferenceAgent, "fence-agents"),
    ];

    /// <summary>Null when everything is there, else why the tests cannot run.</summary>
    public static string? MissingReason()
    {
        if (Environment.UserName != "root")
        {
            return $"needs root (installs agents in /usr/sbin and runs pacemaker-fenced); running as {Environment.UserName}";
        }

        string[] missing = Tools.Where(t => !File.Exists(t.Path)).Select(t => $"{t.Path} (Debian package {t.Package})").ToArray();
        return missing.Length == 0 ? null : "missing " + string.Join(", ", missing) + ": ./build.sh test installs them as root";
    }

    public static void RequireAll()
    {
        if (MissingReason() is { } reason)
        {
            Assert.Ignore(reason);
        }
    }
}
