namespace FenceZvm.Agent.Options;

/// <summary>The metadata content types of a parameter (schema/metadata.rng).</summary>
public enum ContentType
{
    Boolean,
    String,
    Second,
    Integer,
    Select,
}
