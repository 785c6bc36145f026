namespace FenceZvm.Agent.Power;

public enum PowerState
{
    Off,
    On,
}
