namespace FenceZvm.Agent.Secrets;

/// <summary>
/// Removes known secrets from every line before it is written anywhere (defence in depth: no
/// message is built with the password, but a server could echo it back). Secrets shorter than
/// <see cref="MinimumLength"/> are not replaced: that would mangle ordinary words in every line.
/// </summary>
public sealed class SecretRedactor
{
    public const int MinimumLength = 4;

    private readonly List<string> secrets = [];

    public void Add(string? secret)
    {
        if (secret is { Length: >= MinimumLength })
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
