namespace FenceZvm.Smapi.Trace;

/// <summary>Receives frame-trace lines (the agent sends them to its debug log).</summary>
public interface IFrameTraceSink
{
    void WriteLine(string line);
}
