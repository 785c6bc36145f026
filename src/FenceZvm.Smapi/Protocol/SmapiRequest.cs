namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// One SMAPI request: function, authenticated user, password, target (absent for
/// Check_Authentication) and the function's extra parameters. Field limits are checked here,
/// so a request that exists can be framed.
/// </summary>
public sealed class SmapiRequest
{
    public const int MaxUserLength = 8;
    public const int MaxPasswordLength = 200;
    public const int MaxImageNameLength = 8;
    public const int MaxNameListLength = 64;
    public const int MaxTextParameterLength = 64;

    public SmapiRequest(SmapiFunction function, SmapiCredentials credentials, string? target, params RequestParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(function);
        Function = function;
        Credentials = credentials;
        Target = target;
        Parameters = parameters;
        Validate();
    }

    public SmapiFunction Function { get; }

    public SmapiCredentials Credentials { get; }

    public string User => Credentials.User;

    public string Password => Credentials.Password;

    public string? Target { get; }

    public IReadOnlyList<RequestParameter> Parameters { get; }

    public override string ToString() => Target is null ? Function.Name : $"{Function.Name} {Target}";

    private void Validate()
    {
        if (User is null || Password is null)
        {
            throw new SmapiRequestException("SMAPI user and password must be given (empty over IUCV), not left unset");
        }

        if (User.Length > MaxUserLength)
        {
            throw new SmapiRequestException($"SMAPI user '{User}' is longer than {MaxUserLength} characters");
        }

        if (Password.Length > MaxPasswordLength)
        {
            throw new SmapiRequestException($"SMAPI password is longer than {MaxPasswordLength} characters");
        }

        if (Function.HasTarget)
        {
            if (string.IsNullOrEmpty(Target))
            {
                throw new SmapiRequestException($"{Function.Name} needs a target");
            }

            if (Target.Length > Function.MaxTargetLength)
            {
                throw new SmapiRequestException($"{Function.Name}: target '{Target}' is longer than {Function.MaxTargetLength} characters");
            }
        }
        else if (Target is not null)
        {
            throw new SmapiRequestException($"{Function.Name} takes no target");
        }

        if (Parameters.Count != Function.Extras.Length)
        {
            throw new SmapiRequestException($"{Function.Name} takes {Function.Extras.Length} extra parameter(s), not {Parameters.Count}");
        }

        for (int i = 0; i < Parameters.Count; i++)
        {
            RequestParameter p = Parameters[i];
            if (p.Kind != Function.Extras[i])
            {
                throw new SmapiRequestException($"{Function.Name}: parameter {i + 1} must be {Function.Extras[i]}, not {p.Kind}");
            }

            if (p.Kind == ParameterKind.Text && (p.Text ?? string.Empty).Length > MaxTextParameterLength)
            {
                throw new SmapiRequestException($"{Function.Name}: parameter {i + 1} is longer than {MaxTextParameterLength} characters");
            }

            if (p.Kind == ParameterKind.Byte && (p.Number < 0 || p.Number > 255))
            {
                throw new SmapiRequestException($"{Function.Name}: parameter {i + 1} must fit in one byte");
            }
        }
    }
}
