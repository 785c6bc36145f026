namespace FenceZvm.Simulator;

/// <summary>A simulator setting that cannot be used; the message is one line for the command line.</summary>
public sealed class SimulatorConfigException(string message) : Exception(message);
