namespace FenceZvm.Smapi.Protocol;

/// <summary>How a function-specific request parameter is laid out after the common fields.</summary>
public enum ParameterKind
{
    /// <summary>int4 length followed by that many characters.</summary>
    Text,

    /// <summary>A raw big-endian int4 with no length prefix (Response_Recovery's request id).</summary>
    Int32,

    /// <summary>A raw single byte with no length prefix (Image_Query_Activate_Time's date format).</summary>
    Byte,
}
