namespace FenceZvm.Bench.EndToEnd;

internal static class Percentile
{
    /// <summary>The p-quantile of sorted values, interpolating between neighbours.</summary>
    public static double Of(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
