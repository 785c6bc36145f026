namespace FenceZvm.Smapi.Protocol;

/// <summary>A request that cannot be built: a field outside SMAPI's limits.</summary>
public sealed class SmapiRequestException(string message) : SmapiException(message);
