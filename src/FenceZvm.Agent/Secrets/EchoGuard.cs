namespace FenceZvm.Agent.Secrets;

/// <summary>
/// Decides whether a value read from the caller may be repeated in a message. Input with odd line
/// endings (CR only, NUL-separated, Unicode line separators) arrives as one long "value" that can
/// hold every later line, the password included; a value with a control character or a hint of a
/// secret in it is shown as <see cref="Hidden"/>.
/// </summary>
public static class EchoGuard
{
    public const string Hidden = "<hidden>";

    private static readonly string[] SecretHints = ["pas", "pw", "secret"];

    private static bool HintsAtSecret(string text) =>
        SecretHints.Any(h => text.Contains(h, StringComparison.OrdinalIgnoreCase));

    /// <summary>A control character (CR, NUL, ...) or a Unicode line or paragraph separator.</summary>
    public static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    public static bool HasControl(string text) => text.Any(IsControl);

    public static bool MayHoldSecret(string text) => HasControl(text) || HintsAtSecret(text);

    /// <summary>The value itself, or <see cref="Hidden"/>.</summary>
    public static string Show(string text) => MayHoldSecret(text) ? Hidden : text;
}
