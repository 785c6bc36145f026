using FenceZvm.Agent.Power;

namespace FenceZvm.Agent.Actions;

internal static class Words
{
    /// <summary>A state as the output lines spell it ("Status: ON", "Success: Already OFF").</summary>
    public static string Upper(PowerState state) => state == PowerState.On ? "ON" : "OFF";
}
