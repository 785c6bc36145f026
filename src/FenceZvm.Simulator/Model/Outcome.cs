using FenceZvm.Smapi;

namespace FenceZvm.Simulator.Model;

/// <summary>The return and reason code a model operation answers with.</summary>
public readonly record struct Outcome(int ReturnCode, int ReasonCode)
{
    public static Outcome Ok { get; } = new(ReturnCodes.Ok, ReturnCodes.RsNone);

    public static Outcome NotFound { get; } = new(ReturnCodes.ImageOperation, ReturnCodes.RsNotFound);

    public static Outcome AlreadyActive { get; } = new(ReturnCodes.ImageOperation, ReturnCodes.RsAlreadyActive);

    public static Outcome NotActive { get; } = new(ReturnCodes.ImageOperation, ReturnCodes.RsNotActive);

    public static Outcome BeingDeactivated { get; } = new(ReturnCodes.ImageOperation, ReturnCodes.RsBeingDeactivated);

    public bool Succeeded => ReturnCode == ReturnCodes.Ok;

    public override string ToString() => $"RC {ReturnCode} RS {ReasonCode}";
}
