namespace FenceZvm.Smapi.Functions;

/// <summary>A query whose request names one image (or a target the server only authorizes) and nothing else.</summary>
public abstract class TargetQuery : SmapiFunction
{
    private protected TargetQuery(string name)
        : base(name, hasTarget: true, maxTargetLength: SmapiLimits.GuestName, changesState: false)
    {
    }

    public SmapiRequest Request(SmapiCredentials credentials, string target) => new(this, credentials, target);
}
