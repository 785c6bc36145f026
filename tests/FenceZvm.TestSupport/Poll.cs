using System.Diagnostics;

namespace FenceZvm.TestSupport;

/// <summary>Bounded polling: waits for a condition, never longer than the deadline.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>True as soon as <paramref name="condition"/> holds, false once <paramref name="deadline"/> passed.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > deadline)
            {
                return condition();
            }

            await Task.Delay(Interval);
        }

        return true;
    }
}
