namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Query_API_Functional_Level: the z/VM level of the SMAPI server, given as the reason code of a
/// success. The target is ignored but authorized.
/// </summary>
public sealed class QueryApiFunctionalLevel : TargetQuery
{
    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Query_API_Functional_Level";

    public static readonly QueryApiFunctionalLevel Function = new();

    private QueryApiFunctionalLevel()
        : base(WireName)
    {
    }

    /// <summary>The z/VM level a success's reason code stands for.</summary>
    public static string Level(int reasonCode) => reasonCode switch
    {
        0 => "5.3",
        540 => "5.4",
        610 => "6.1",
        611 or 612 => "6.1 SPE",
        620 or 621 => "6.2",
        630 or 631 or 632 => "6.3",
        >= 640 and <= 649 => "6.4",
        _ => $"unknown ({reasonCode})",
    };

    public override string? Meaning(int returnCode, int reasonCode) =>
        returnCode == ReturnCodes.Ok ? $"request successful; API functional level {Level(reasonCode)}" : null;
}
