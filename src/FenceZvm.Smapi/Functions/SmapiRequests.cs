using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Smapi.Functions;

/// <summary>
/// Builders for the requests the fence agents send. User ids and targets are upper-cased
/// (z/VM user ids are upper-case); the password never is.
/// </summary>
public static class SmapiRequests
{
    public static SmapiRequest ImageActivate(SmapiCredentials credentials, string target) =>
        new(SmapiFunction.ImageActivate, Normalize(credentials), Upper(target));

    public static SmapiRequest ImageDeactivate(SmapiCredentials credentials, string target, ForceTime forceTime) =>
        new(SmapiFunction.ImageDeactivate, Normalize(credentials), Upper(target), RequestParameter.OfText(forceTime.Text ?? ForceTime.Immediate.Text));

    public static SmapiRequest ImageRecycle(SmapiCredentials credentials, string target) =>
        new(SmapiFunction.ImageRecycle, Normalize(credentials), Upper(target));

    /// <summary>Target is an image name, or "*" for all active images.</summary>
    public static SmapiRequest ImageStatusQuery(SmapiCredentials credentials, string target) =>
        new(SmapiFunction.ImageStatusQuery, Normalize(credentials), Upper(target));

    /// <summary>The target is ignored by the server but must pass authorization.</summary>
    public static SmapiRequest ImageNameQueryDm(SmapiCredentials credentials, string target) =>
        new(SmapiFunction.ImageNameQueryDm, Normalize(credentials), Upper(target));

    public static SmapiRequest CheckAuthentication(SmapiCredentials credentials) =>
        new(SmapiFunction.CheckAuthentication, Normalize(credentials), null);

    public static SmapiRequest QueryApiFunctionalLevel(SmapiCredentials credentials, string target) =>
        new(SmapiFunction.QueryApiFunctionalLevel, Normalize(credentials), Upper(target));

    public static SmapiRequest ResponseRecovery(SmapiCredentials credentials, string target, uint failedRequestId) =>
        new(SmapiFunction.ResponseRecovery, Normalize(credentials), Upper(target), RequestParameter.OfInt32(unchecked((int)failedRequestId)));

    public static SmapiRequest ImageQueryActivateTime(SmapiCredentials credentials, string target, byte dateFormat = ActivationTime.IsoDateFormat) =>
        new(SmapiFunction.ImageQueryActivateTime, Normalize(credentials), Upper(target), RequestParameter.OfByte(dateFormat));

    private static SmapiCredentials Normalize(SmapiCredentials credentials) =>
        credentials with { User = Upper(credentials.User) };

    // A null target or user is left for SmapiRequest to refuse with a SmapiRequestException.
    private static string Upper(string value) => value?.ToUpperInvariant()!;
}
