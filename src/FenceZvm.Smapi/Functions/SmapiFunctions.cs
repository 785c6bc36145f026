namespace FenceZvm.Smapi.Functions;

/// <summary>Every function, for the server side and the frame trace: finding one by the name a request carries.</summary>
public static class SmapiFunctions
{
    /// <summary>The registration of every function type: one entry each (a test checks that no type is missing).</summary>
    public static IReadOnlyList<SmapiFunction> All { get; } =
    [
        ImageActivate.Function, ImageDeactivate.Function, ImageRecycle.Function, ImageStatusQuery.Function, ImageNameQueryDm.Function,
        CheckAuthentication.Function, QueryApiFunctionalLevel.Function, ResponseRecovery.Function, ImageQueryActivateTime.Function,
    ];

    /// <summary>
    /// Exact, case-sensitive lookup, as the server does (a wrong case is RC 900 RS 12). A scan of nine
    /// entries: a frozen dictionary built in the type initializer cost every client start its JIT time.
    /// </summary>
    public static bool TryGet(string name, out SmapiFunction function) =>
        TryGet(name, StringComparison.Ordinal, out function);

    /// <summary>Lookup with a chosen comparison (the simulator's options take any case).</summary>
    public static bool TryGet(string name, StringComparison comparison, out SmapiFunction function)
    {
        foreach (SmapiFunction candidate in All)
        {
            if (string.Equals(candidate.Name, name, comparison))
            {
                function = candidate;
                return true;
            }
        }

        function = null!;
        return false;
    }

    /// <summary>"Image_Activate, Image_Deactivate, ...", for messages that list the known functions.</summary>
    public static string Names()
    {
        var names = new string[All.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = All[i].Name;
        }

        return string.Join(", ", names);
    }
}
