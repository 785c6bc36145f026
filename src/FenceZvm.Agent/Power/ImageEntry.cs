namespace FenceZvm.Agent.Power;

/// <summary>One line of list / list-status: a defined image and whether it is active.</summary>
public readonly record struct ImageEntry(string Name, PowerState State);
