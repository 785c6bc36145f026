using System.Globalization;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// Image_Query_Activate_Time gives the logon time to the second, so a recycle within the second of
/// the previous logon (an "on" just before) leaves it unchanged. Sending the recycle at least one
/// second after the logon time was read makes the new one necessarily later. That wait is only
/// needed when the logon may be that recent. The server's clock runs in its own time zone, but time
/// zones differ by whole quarter hours, so the position within the quarter hour is compared with
/// ours: only a logon in the last two seconds (or a chance match, 1 in 180) makes the recycle wait.
/// </summary>
internal static class LogonSecond
{
    private const int QuarterHour = 15 * 60;
    private const int Slack = 2;

    /// <summary>True when <paramref name="logonTime"/> ("date hh:mm:ss") may lie within the last seconds of <paramref name="utcNow"/>.</summary>
    public static bool MayBeRecent(string? logonTime, DateTimeOffset utcNow)
    {
        if (logonTime is null || logonTime.Length < 8
            || !TimeOnly.TryParseExact(logonTime.AsSpan(logonTime.Length - 8), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly logon))
        {
            return false;
        }

        int distance = (((utcNow.Minute % 15 * 60) + utcNow.Second) - ((logon.Minute % 15 * 60) + logon.Second) + QuarterHour) % QuarterHour;
        return distance <= Slack || distance >= QuarterHour - Slack;
    }
}
