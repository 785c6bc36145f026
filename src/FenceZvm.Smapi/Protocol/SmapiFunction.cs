namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// The request layout of one SMAPI function: its exact (case-sensitive) name, whether a target
/// follows the password, and the kinds of its extra parameters. One table serves the framer,
/// the decoder (simulator, trace) and the typed function helpers.
/// </summary>
public sealed record SmapiFunction(string Name, bool HasTarget, params ParameterKind[] Extras)
{
    public static readonly SmapiFunction ImageActivate = new("Image_Activate", true) { MaxTargetLength = SmapiRequest.MaxNameListLength };
    public static readonly SmapiFunction ImageDeactivate = new("Image_Deactivate", true, ParameterKind.Text) { MaxTargetLength = SmapiRequest.MaxNameListLength };
    public static readonly SmapiFunction ImageRecycle = new("Image_Recycle", true) { MaxTargetLength = SmapiRequest.MaxNameListLength };
    public static readonly SmapiFunction ImageStatusQuery = new("Image_Status_Query", true);
    public static readonly SmapiFunction ImageNameQueryDm = new("Image_Name_Query_DM", true);
    public static readonly SmapiFunction CheckAuthentication = new("Check_Authentication", false);
    public static readonly SmapiFunction QueryApiFunctionalLevel = new("Query_API_Functional_Level", true);
    public static readonly SmapiFunction ResponseRecovery = new("Response_Recovery", true, ParameterKind.Int32);
    public static readonly SmapiFunction ImageQueryActivateTime = new("Image_Query_Activate_Time", true, ParameterKind.Byte);

    /// <summary>
    /// The longest target: an image name (8), or for the image operations also the name of a
    /// server-side name list of images (64).
    /// </summary>
    public int MaxTargetLength { get; init; } = SmapiRequest.MaxImageNameLength;

    public static IReadOnlyList<SmapiFunction> All { get; } =
    [
        ImageActivate, ImageDeactivate, ImageRecycle, ImageStatusQuery, ImageNameQueryDm,
        CheckAuthentication, QueryApiFunctionalLevel, ResponseRecovery, ImageQueryActivateTime,
    ];

    /// <summary>
    /// Exact, case-sensitive lookup, as the server does (a wrong case is RC 900 RS 12). A scan of nine
    /// entries: a frozen dictionary built in the type initializer cost every client start its JIT time.
    /// </summary>
    public static bool TryGet(string name, out SmapiFunction function)
    {
        foreach (SmapiFunction candidate in All)
        {
            if (candidate.Name == name)
            {
                function = candidate;
                return true;
            }
        }

        function = null!;
        return false;
    }

    public override string ToString() => Name;
}
