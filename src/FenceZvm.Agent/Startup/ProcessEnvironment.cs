using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace FenceZvm.Agent.Startup;

/// <summary>
/// The process environment, read variable by variable when asked: the agent looks up two or three
/// names, so copying every variable into a dictionary at start was wasted start-up (s390x JIT-compiles
/// the hashtable walk). Enumerating takes a snapshot.
/// </summary>
public sealed class ProcessEnvironment : IReadOnlyDictionary<string, string?>
{
    public IEnumerable<string> Keys => Snapshot().Keys;

    public IEnumerable<string?> Values => Snapshot().Values;

    public int Count => Snapshot().Count;

    public string? this[string key] => TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Environment.GetEnvironmentVariable(key) is not null;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        value = Environment.GetEnvironmentVariable(key);
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Dictionary<string, string?> Snapshot()
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            copy[(string)entry.Key] = (string?)entry.Value;
        }

        return copy;
    }
}
