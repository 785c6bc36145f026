namespace FenceZvm.Agent.Logging;

/// <summary>
/// Removes known secrets from every line before it is written anywhere (defence in depth: no
/// message is built with the password, but a server could echo it back).
/// </summary>
public sealed class SecretRedactor
{
    private readonly List<string> secrets = [];

    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            lock (secrets)
            {
                secrets.Add(secret);
            }
        }
    }

    public string Redact(string text)
    {
        lock (secrets)
        {
            foreach (string secret in secrets)
            {
                text = text.Replace(secret, "********", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
