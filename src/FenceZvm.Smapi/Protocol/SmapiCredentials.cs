namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// The authenticated user and password of a request. Over IUCV both are empty: the caller is
/// identified by its own guest id. ToString never shows the password.
/// </summary>
public readonly record struct SmapiCredentials(string User, string Password)
{
    public static SmapiCredentials None => new(string.Empty, string.Empty);

    public override string ToString() => $"{User} (password {(Password.Length == 0 ? "empty" : "set")})";
}
