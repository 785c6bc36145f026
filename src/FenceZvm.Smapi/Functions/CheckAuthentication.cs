namespace FenceZvm.Smapi.Functions;

/// <summary>Check_Authentication: only checks the user and password; the one function without a target, and without output.</summary>
public sealed class CheckAuthentication : SmapiFunction
{
    public static readonly CheckAuthentication Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Check_Authentication";

    private CheckAuthentication()
        : base(WireName, hasTarget: false, maxTargetLength: 0, changesState: false)
    {
    }

    public SmapiRequest Request(SmapiCredentials credentials) => new(this, credentials, null);
}
