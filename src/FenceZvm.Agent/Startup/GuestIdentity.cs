namespace FenceZvm.Agent.Startup;

/// <summary>
/// This guest's own z/VM user id, from the "VM00 Name:" line of /proc/sysinfo (Linux on z/VM).
/// fence_zvm sends it as the target of Image_Name_Query_DM and Query_API_Functional_Level: SMAPI
/// ignores that target but checks its authorization, and over IUCV the caller is this guest.
/// </summary>
public static class GuestIdentity
{
    public const string SysinfoPath = "/proc/sysinfo";

    /// <summary>Null when not on z/VM (no sysinfo, or no usable VM00 name).</summary>
    public static string? Read(string path = SysinfoPath)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string? Parse(string sysinfo)
    {
        foreach (string line in sysinfo.Split('\n'))
        {
            if (!line.StartsWith("VM00 Name:", StringComparison.Ordinal))
            {
                continue;
            }

            string name = line["VM00 Name:".Length..].Trim().ToUpperInvariant();
            return name.Length is > 0 and <= 8 && name.All(c => c is > ' ' and <= '~') ? name : null;
        }

        return null;
    }
}
