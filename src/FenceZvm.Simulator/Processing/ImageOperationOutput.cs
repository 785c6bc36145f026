using FenceZvm.Simulator.Model;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Simulator.Processing;

/// <summary>
/// Output of Image_Activate, Image_Deactivate and Image_Recycle: the counts of images that
/// succeeded and failed, then the failing array (one entry per failed image with its own RC/RS).
/// For one image the return code is the image's own; for a name list it is 0 when every member
/// succeeded and 200 with the list's reason code (28, 32 or 36) when any failed.
/// </summary>
internal static class ImageOperationOutput
{
    public static ProcessedResponse Build(string target, Outcome outcome, ITextCodec codec) =>
        Build([(target, outcome)], outcome, codec);

    public static ProcessedResponse BuildList(IReadOnlyList<(string Image, Outcome Outcome)> results, int listReason, Outcome success, ITextCodec codec) =>
        Build(results, results.All(r => r.Outcome.Succeeded) ? success : new Outcome(ReturnCodes.ImageOperation, listReason), codec);

    private static ProcessedResponse Build(IReadOnlyList<(string Image, Outcome Outcome)> results, Outcome overall, ITextCodec codec)
    {
        var failing = new OutputWriter(codec);
        int failed = 0;
        foreach ((string image, Outcome outcome) in results.Where(r => !r.Outcome.Succeeded))
        {
            byte[] entry = new OutputWriter(codec).String(image).Int32(outcome.ReturnCode).Int32(outcome.ReasonCode).ToArray();
            failing.Int32(entry.Length).Bytes(entry);
            failed++;
        }

        byte[] array = failing.ToArray();
        byte[] output = new OutputWriter(codec).Int32(results.Count - failed).Int32(failed).Int32(array.Length).Bytes(array).ToArray();
        return new ProcessedResponse(overall.ReturnCode, overall.ReasonCode, output);
    }
}
