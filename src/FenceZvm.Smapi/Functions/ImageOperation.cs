namespace FenceZvm.Smapi.Functions;

/// <summary>
/// A function that changes the state of an image, or of each member of a server-side name list: its
/// answer is an <see cref="ImageOperationResult"/>, and RC 200 with <see cref="SomeFailedReason"/> says that
/// some members of a list failed.
/// </summary>
public abstract class ImageOperation : SmapiFunction
{
    private protected ImageOperation(string name, int someFailedReason, params ParameterKind[] extras)
        : base(name, hasTarget: true, maxTargetLength: SmapiLimits.NameList, changesState: true, extras)
    {
        SomeFailedReason = someFailedReason;
    }

    /// <summary>The reason code that goes with RC 200 when some members of a name list were not done.</summary>
    public int SomeFailedReason { get; }

    /// <summary>A request with the function's defaults for any extra parameter.</summary>
    public virtual SmapiRequest Request(SmapiCredentials credentials, string target) => new(this, credentials, target);
}
