namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// What a SMAPI function is: its exact (case-sensitive) name, its request <see cref="Layout"/>, whether it
/// changes state, and the return and reason codes that mean something particular for it. Each function is
/// one sealed type in Functions/ with a single instance (<c>X.Function</c>), which also builds its
/// requests; its one registration is its entry in <c>SmapiFunctions.All</c>. Everything else (client,
/// decoder, trace, RC table, recovery rule, simulator) goes by that instance, never by the name.
/// </summary>
public abstract class SmapiFunction
{
    private protected SmapiFunction(string name, bool hasTarget, int maxTargetLength, bool changesState, params ParameterKind[] extras)
    {
        Name = name;
        HasTarget = hasTarget;
        ChangesState = changesState;
        Extras = extras;
        Layout = RequestLayout.For(hasTarget, maxTargetLength, extras);
    }

    public string Name { get; }

    public bool HasTarget { get; }

    public ParameterKind[] Extras { get; }

    /// <summary>Every field of this function's requests, in framing order.</summary>
    public IReadOnlyList<RequestSlot> Layout { get; }

    /// <summary>Where in <see cref="Layout"/> the extra parameters begin: they are always its last slots.</summary>
    public int FirstExtraSlot => Layout.Count - Extras.Length;

    /// <summary>
    /// True for a request that must never be sent twice blindly: when its response is lost, the client
    /// asks for it with Response_Recovery instead. Queries are simply asked again.
    /// </summary>
    public bool ChangesState { get; }

    /// <summary>Words for an RC/RS pair that means something particular for this function; null when the general table applies.</summary>
    public virtual string? Meaning(int returnCode, int reasonCode) => null;

    public override string ToString() => Name;
}
