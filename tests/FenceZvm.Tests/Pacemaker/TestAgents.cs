using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// Our binary installed where pacemaker looks for fence agents (/usr/sbin/fence_*), under test names.
/// The flavour follows argv[0]: fence_zvmip_test acts as fence_zvmip, fence_zvm_test as fence_zvm.
/// The distribution's /usr/sbin/fence_zvmip (the reference) is never touched.
/// </summary>
public static class TestAgents
{
    public const string Zvmip = "fence_zvmip_test";
    public const string Zvm = "fence_zvm_test";

    public static readonly string[] Names = [Zvmip, Zvm];

    public static string PathOf(string name) => Path.Combine("/usr/sbin", name);

    public static void Install()
    {
        string binary = AgentProcess.Path;
        foreach (string name in Names)
        {
            string target = PathOf(name);
            File.Copy(binary, target, overwrite: true);
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    public static void Remove()
    {
        foreach (string name in Names)
        {
            File.Delete(PathOf(name));
        }
    }
}
