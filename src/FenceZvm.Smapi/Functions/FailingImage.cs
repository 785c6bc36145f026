namespace FenceZvm.Smapi.Functions;

/// <summary>One entry of an image operation's failing array.</summary>
public sealed record FailingImage(string Name, int ReturnCode, int ReasonCode);
