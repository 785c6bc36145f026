namespace FenceZvm.Smapi;

/// <summary>Base of every failure the SMAPI layer reports; the message is one clear line.</summary>
public abstract class SmapiException : Exception
{
    protected SmapiException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
