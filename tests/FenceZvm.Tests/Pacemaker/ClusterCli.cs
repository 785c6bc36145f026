using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>The cluster command-line clients, run to completion with a hard deadline.</summary>
public static class ClusterCli
{
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(90);

    public static Task<ProcessResult> StonithAdminAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(PacemakerRequirements.StonithAdmin, arguments, timeout: KillAfter);

    public static Task<ProcessResult> CrmResourceAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(PacemakerRequirements.CrmResource, arguments, timeout: KillAfter);

    public static Task<ProcessResult> PcsAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(PacemakerRequirements.Pcs, arguments, timeout: KillAfter);
}
