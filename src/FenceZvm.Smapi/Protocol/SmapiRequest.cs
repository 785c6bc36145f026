namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// One SMAPI request: function, authenticated user, password, target (absent for
/// Check_Authentication) and the function's extra parameters. Each value is checked against the
/// function's <see cref="SmapiFunction.Layout"/> here, so a request that exists can be framed. User and
/// target are framed as given: the agent hands in <see cref="GuestName"/>s, already upper case, and a test
/// may put any spelling on the wire on purpose.
/// </summary>
public sealed class SmapiRequest
{
    private readonly RequestParameter[] values;

    public SmapiRequest(SmapiFunction function, SmapiCredentials credentials, string? target, params RequestParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(function);
        Function = function;
        Credentials = credentials;
        Target = target;
        Parameters = parameters;
        values = Validate();
    }

    public SmapiFunction Function { get; }

    public SmapiCredentials Credentials { get; }

    public string User => Credentials.User;

    public string Password => Credentials.Password;

    public string? Target { get; }

    public IReadOnlyList<RequestParameter> Parameters { get; }

    /// <summary>The value of each slot of the function's layout, in framing order.</summary>
    public ReadOnlySpan<RequestParameter> Values => values;

    public override string ToString() => Target is null ? Function.Name : $"{Function.Name} {Target}";

    private RequestParameter[] Validate()
    {
        if (User is null || Password is null)
        {
            throw new SmapiRequestException("SMAPI user and password must be given (empty over IUCV), not left unset");
        }

        if (Function.HasTarget && string.IsNullOrEmpty(Target))
        {
            throw new SmapiRequestException($"{Function.Name} needs a target");
        }

        if (!Function.HasTarget && Target is not null)
        {
            throw new SmapiRequestException($"{Function.Name} takes no target");
        }

        if (Parameters.Count != Function.Extras.Length)
        {
            throw new SmapiRequestException($"{Function.Name} takes {Function.Extras.Length} extra parameter(s), not {Parameters.Count}");
        }

        var all = new RequestParameter[Function.Layout.Count];
        all[0] = RequestParameter.OfText(Function.Name);
        all[RequestLayout.UserSlot] = RequestParameter.OfText(User);
        all[RequestLayout.PasswordSlot] = RequestParameter.OfText(Password);
        if (Target is not null)
        {
            all[RequestLayout.TargetSlot] = RequestParameter.OfText(Target);
        }

        for (int i = 0; i < Parameters.Count; i++)
        {
            all[Function.FirstExtraSlot + i] = Parameters[i];
        }

        for (int i = 1; i < all.Length; i++)
        {
            Check(Function.Layout[i], all[i]);
        }

        return all;
    }

    private void Check(RequestSlot slot, RequestParameter value)
    {
        if (value.Kind != slot.Kind)
        {
            throw new SmapiRequestException($"{Function.Name}: {slot.Name} must be {slot.Kind}, not {value.Kind}");
        }

        // The password's length is named, never the password.
        if (slot.Kind == ParameterKind.Text && (value.Text ?? string.Empty).Length > slot.MaxLength)
        {
            string what = slot.Secret ? slot.Name : $"{slot.Name} '{value.Text}'";
            throw new SmapiRequestException($"{Function.Name}: {what} is longer than {slot.MaxLength} characters");
        }

        if (slot.Kind == ParameterKind.Byte && (value.Number < 0 || value.Number > 255))
        {
            throw new SmapiRequestException($"{Function.Name}: {slot.Name} must fit in one byte");
        }
    }
}
