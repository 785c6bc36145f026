namespace FenceZvm.Smapi.Text;

/// <summary>A character field that cannot be represented in the selected wire codec.</summary>
public sealed class SmapiEncodingException(string message) : SmapiException(message);
