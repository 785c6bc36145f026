using System.Text.Json.Serialization;

namespace FenceZvm.Simulator.State;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StateDocument))]
public sealed partial class StateJsonContext : JsonSerializerContext;
