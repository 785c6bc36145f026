using FenceZvm.Agent.Actions;

namespace FenceZvm.Tests.Agent;

/// <summary>Whether a one-second logon time may be the current second, in any time zone of the server.</summary>
public sealed class LogonSecondTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 14, 59, 400, TimeSpan.Zero);

    [TestCase("11/27/2026 08:14:59", true, TestName = "this very second")]
    [TestCase("2026-11-27 08:14:58", true, TestName = "a second ago")]
    [TestCase("27/11/2026 09:14:59", true, TestName = "this second, server an hour ahead")]
    [TestCase("11/27/2026 13:44:59", true, TestName = "this second, server five and a half hours ahead")]
    [TestCase("11/27/2026 08:15:00", true, TestName = "server clock a fraction ahead, across the quarter hour")]
    [TestCase("11/27/2026 08:14:55", false, TestName = "four seconds ago")]
    [TestCase("11/26/2026 19:03:12", false, TestName = "yesterday")]
    [TestCase(null, false, TestName = "no logon time")]
    [TestCase("garbage", false, TestName = "unreadable")]
    public void MayBeRecent(string? logonTime, bool expected) =>
        Assert.That(LogonSecond.MayBeRecent(logonTime, Now), Is.EqualTo(expected));
}
