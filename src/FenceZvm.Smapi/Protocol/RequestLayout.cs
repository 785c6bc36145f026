namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// One field of a request, in framing order: its name (as the specification and the frame trace call it),
/// how it is laid out, the longest text it may hold, and whether it is the password.
/// </summary>
/// <param name="Number">The parameter number a syntax error names (RC 24, RS n*100+m): the function name is 1.</param>
public sealed record RequestSlot(string Name, ParameterKind Kind, int MaxLength, int Number, bool Secret = false);

/// <summary>
/// The field layout of every request, described once: the function name, user, password, the target when
/// the function has one, then the function's extra parameters. The framer, the decoder (and so the frame
/// trace) and the request's own checks all walk this list.
/// </summary>
public static class RequestLayout
{
    /// <summary>The first field of every request: its length is not limited, as an unknown name is answered as unknown (900/12).</summary>
    public static readonly RequestSlot FunctionName = new("function_name", ParameterKind.Text, int.MaxValue, 1);

    public const int UserSlot = 1;
    public const int PasswordSlot = 2;
    public const int TargetSlot = 3;

    /// <summary>The slots of a function with or without a target and with these extra parameters.</summary>
    internal static RequestSlot[] For(bool hasTarget, int maxTargetLength, ParameterKind[] extras)
    {
        int first = hasTarget ? TargetSlot + 1 : TargetSlot;
        var slots = new RequestSlot[first + extras.Length];
        slots[0] = FunctionName;
        slots[UserSlot] = new("authenticated_userid", ParameterKind.Text, SmapiLimits.GuestName, UserSlot + 1);
        slots[PasswordSlot] = new("password", ParameterKind.Text, SmapiLimits.Password, PasswordSlot + 1, Secret: true);
        if (hasTarget)
        {
            slots[TargetSlot] = new("target_identifier", ParameterKind.Text, maxTargetLength, TargetSlot + 1);
        }

        for (int i = 0; i < extras.Length; i++)
        {
            // Extras are numbered from 5 whether or not a target precedes them (only Check_Authentication has none, and no extras).
            slots[first + i] = new($"parameter_{i + 1}", extras[i], SmapiLimits.TextParameter, TargetSlot + 2 + i);
        }

        return slots;
    }

    /// <summary>The bytes one value takes on the wire.</summary>
    public static int Size(RequestSlot slot, RequestParameter value) => slot.Kind switch
    {
        ParameterKind.Text => 4 + (value.Text ?? string.Empty).Length,
        ParameterKind.Int32 => 4,
        _ => 1,
    };
}
