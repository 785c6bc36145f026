using System.Globalization;
using System.Text.RegularExpressions;

namespace FenceZvm.Tests.FailoverLab;

/// <summary>
/// When things happened, read from a node's pacemaker log (millisecond timestamps in local time, no year):
/// fence results and resource starts after a given moment.
/// </summary>
public static partial class PacemakerLog
{
    /// <summary>Times of "Operation 'ACTION' targeting TARGET by ...: OK" (or the failures) after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTime> FenceResults(string log, string target, bool succeeded, DateTime after) =>
        Matching(log, after, line => FenceResult().Match(line) is { Success: true } m
            && m.Groups["target"].Value == target && (m.Groups["result"].Value == "OK") == succeeded);

    /// <summary>Times the resource agent's start succeeded on the node of <paramref name="log"/> after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTime> ResourceStarts(string log, string resource, DateTime after) =>
        Matching(log, after, line => line.Contains($" {resource} start (call ", StringComparison.Ordinal) && line.Contains(") exited with status 0 ", StringComparison.Ordinal));

    private static List<DateTime> Matching(string log, DateTime after, Func<string, bool> predicate)
    {
        var times = new List<DateTime>();
        if (!File.Exists(log))
        {
            return times;
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (predicate(line) && Timestamp(line, after.Year) is { } time && time > after)
            {
                times.Add(time);
            }
        }

        return times;
    }

    /// <summary>"Nov 27 07:01:14.407 cnode1 ..." as UTC.</summary>
    private static DateTime? Timestamp(string line, int year)
    {
        Match m = Stamp().Match(line);
        return m.Success && DateTime.TryParseExact($"{year} {m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "yyyy MMM d HH:mm:ss.fff",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out DateTime local) ? local.ToUniversalTime() : null;
    }

    [GeneratedRegex(@"^(\w{3})\s+(\d{1,2}) (\d{2}:\d{2}:\d{2}\.\d{3}) ")]
    private static partial Regex Stamp();

    [GeneratedRegex(@"Operation '\w+' targeting (?<target>\S+) by \S+ for \S+: (?<result>OK|Error occurred|[^(|]+)")]
    private static partial Regex FenceResult();
}
