namespace FenceZvm.Fuzz;

/// <summary>A property the fuzzer checks did not hold; the message names the input (hex) to replay it.</summary>
public sealed class FuzzFailure(string message) : Exception(message);
