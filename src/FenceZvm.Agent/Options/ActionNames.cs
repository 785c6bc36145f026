using FenceZvm.Agent.Secrets;

namespace FenceZvm.Agent.Options;

/// <summary>The wire names of <see cref="FenceAction"/>, in metadata order.</summary>
public static class ActionNames
{
    public static IReadOnlyList<(FenceAction Action, string Name)> All { get; } =
    [
        (FenceAction.On, "on"),
        (FenceAction.Off, "off"),
        (FenceAction.Reboot, "reboot"),
        (FenceAction.Status, "status"),
        (FenceAction.List, "list"),
        (FenceAction.ListStatus, "list-status"),
        (FenceAction.Monitor, "monitor"),
        (FenceAction.Metadata, "metadata"),
        (FenceAction.Manpage, "manpage"),
        (FenceAction.ValidateAll, "validate-all"),
    ];

    public static string Name(FenceAction action) => All.First(a => a.Action == action).Name;

    public static bool TryParse(string text, out FenceAction action)
    {
        var name = text.ToLowerInvariant();
        if (name == "meta-data")
        {
            name = "metadata";
        }

        foreach (var (candidate, candidateName) in All)
        {
            if (candidateName == name)
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }

    public static string? Check(OptionValue value) =>
        TryParse(value.Text, out _) ? null : $"Failed: Unrecognised action '{EchoGuard.Show(value.Text.ToLowerInvariant())}'";
}
