namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// What a SMAPI function is: its exact (case-sensitive) name, its request layout (whether a target
/// follows the password, how long it may be, the kinds of the extra parameters), whether it changes
/// state, and the return and reason codes that mean something particular for it. Each function is one
/// sealed subclass in Functions/ with a single instance, which also builds its requests and reads its
/// output; everything else (client, decoder, trace, RC table, recovery rule, simulator) goes by that
/// instance, never by the name.
/// </summary>
public abstract class SmapiFunction
{
    private protected SmapiFunction(SmapiFunctionId id, string name, bool hasTarget, int maxTargetLength, bool changesState, params ParameterKind[] extras)
    {
        Id = id;
        Name = name;
        HasTarget = hasTarget;
        MaxTargetLength = maxTargetLength;
        ChangesState = changesState;
        Extras = extras;
    }

    public SmapiFunctionId Id { get; }

    public string Name { get; }

    public bool HasTarget { get; }

    public ParameterKind[] Extras { get; }

    /// <summary>
    /// The longest target: an image name (8), or for the image operations also the name of a
    /// server-side name list of images (64).
    /// </summary>
    public int MaxTargetLength { get; }

    /// <summary>
    /// True for a request that must never be sent twice blindly: when its response is lost, the client
    /// asks for it with Response_Recovery instead. Queries are simply asked again.
    /// </summary>
    public bool ChangesState { get; }

    /// <summary>Words for an RC/RS pair that means something particular for this function; null when the general table applies.</summary>
    public virtual string? Meaning(int returnCode, int reasonCode) => null;

    public override string ToString() => Name;

    /// <summary>A request to this function; user ids and targets are upper-cased (z/VM user ids are), the password never is.</summary>
    private protected SmapiRequest NewRequest(SmapiCredentials credentials, string? target, params RequestParameter[] parameters) =>
        new(this, credentials with { User = Upper(credentials.User) }, Upper(target), parameters);

    // A null target or user is left for SmapiRequest to refuse with a SmapiRequestException.
    private static string Upper(string? value) => value?.ToUpperInvariant()!;
}
