using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Smapi.Functions;

/// <summary>Check_Authentication: only checks the user and password; the one function without a target, and without output.</summary>
public sealed class CheckAuthentication : SmapiFunction
{
    public static readonly CheckAuthentication Function = new();

    private CheckAuthentication()
        : base(SmapiFunctionId.CheckAuthentication, "Check_Authentication", hasTarget: false)
    {
    }

    public static SmapiRequest Request(SmapiCredentials credentials) =>
        Function.NewRequest(credentials, null);
}
