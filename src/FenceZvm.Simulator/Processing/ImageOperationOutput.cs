using FenceZvm.Simulator.Model;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Simulator.Processing;

/// <summary>
/// Output of Image_Activate, Image_Deactivate and Image_Recycle for one target. On success the
/// counts are 1/0 with an empty failing array; on failure the return code is the image's own
/// RC/RS and the output carries counts 0/1 and one failing entry with the same RC/RS.
/// </summary>
internal static class ImageOperationOutput
{
    public static ProcessedResponse Build(string target, Outcome outcome, ITextCodec codec)
    {
        var output = new OutputWriter(codec);
        if (outcome.Succeeded)
        {
            output.Int32(1).Int32(0).Int32(0);
        }
        else
        {
            byte[] entry = new OutputWriter(codec).String(target).Int32(outcome.ReturnCode).Int32(outcome.ReasonCode).ToArray();
            output.Int32(0).Int32(1).Int32(4 + entry.Length).Int32(entry.Length).Bytes(entry);
        }

        return new ProcessedResponse(outcome.ReturnCode, outcome.ReasonCode, output.ToArray());
    }
}
