namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Response_Recovery: asks the server again for the response to a request it acknowledged (its extra
/// parameter is that request id, a raw int4). With RC 0 the output is the lost response 2 body (request
/// id, RC, RS, output; no output_length); RC 4 RS 4 means the server keeps no response for that id.
/// </summary>
public sealed class ResponseRecovery : SmapiFunction
{
    public static readonly ResponseRecovery Function = new();

    /// <summary>The name on the wire, for text that names the function (a constant, so it costs nothing at run time).</summary>
    public const string WireName = "Response_Recovery";

    /// <summary>The answer "no response kept for that request id" is RC 4 ...</summary>
    public const int NoDataReturnCode = 4;

    /// <summary>... with RS 4: the request does not exist.</summary>
    public const int NoDataReasonCode = 4;

    private ResponseRecovery()
        : base(WireName, hasTarget: true, maxTargetLength: SmapiLimits.GuestName, changesState: false, ParameterKind.Int32)
    {
    }

    public SmapiRequest Request(SmapiCredentials credentials, string target, uint failedRequestId) =>
        new(this, credentials, target, RequestParameter.OfInt32(unchecked((int)failedRequestId)));

    /// <summary>The original response, or null when the server has none for <paramref name="originalRequestId"/>.</summary>
    public static SmapiResponse? Parse(SmapiResponse recovery, uint originalRequestId)
    {
        if (recovery.ReturnCode != ReturnCodes.Ok)
        {
            return null;
        }

        if (recovery.Output.Length < ResponseLimits.MinOutputLength)
        {
            throw new SmapiProtocolException(ProtocolError.MalformedOutput, $"{Function.Name}: malformed output: {recovery.Output.Length} bytes cannot hold a response");
        }

        return ResponseParser.ParseBody(recovery.Output.ToArray(), originalRequestId);
    }

    /// <summary>The request id a decoded request asks about.</summary>
    public static uint RequestIdOf(DecodedRequest request) => unchecked((uint)request.Parameters[0].Number);
}
