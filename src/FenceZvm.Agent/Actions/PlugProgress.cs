using FenceZvm.Agent.Power;

namespace FenceZvm.Agent.Actions;

/// <summary>What one plug of the list went through in one power request and its verification.</summary>
public sealed class PlugProgress(GuestName plug)
{
    public GuestName Plug { get; } = plug;

    /// <summary>The server's last answer to the power request (null: refused, see <see cref="Refusal"/>).</summary>
    public PowerRequestResult? Answer { get; set; }

    public FenceFailure? Refusal { get; set; }

    /// <summary>Requests sent, not counting those repeated because the image was busy.</summary>
    public int Attempts { get; set; }

    /// <summary>The state the last status query saw (null: not asked, or the query failed).</summary>
    public PowerState? LastState { get; set; }

    /// <summary>Whether status polling has to confirm the state: not after a refusal or a final answer.</summary>
    public bool NeedsVerifying(PowerState target) =>
        Refusal is null && Answer is not PowerRequestResult.NotDefined && !(target == PowerState.Off && Answer == PowerRequestResult.NotActive);

    public bool Reached(PowerState target) =>
        (target == PowerState.Off && Answer == PowerRequestResult.NotActive) || (NeedsVerifying(target) && LastState == target);
}
