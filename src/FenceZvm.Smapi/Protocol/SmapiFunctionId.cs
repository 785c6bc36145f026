namespace FenceZvm.Smapi.Protocol;

/// <summary>
/// One member per SMAPI function this project speaks, each backed by one <see cref="SmapiFunction"/> type
/// in Functions/. A server dispatches with a switch over this enum that has no default arm, so a new
/// member without a handler does not compile (CS8509 is an error here).
/// </summary>
public enum SmapiFunctionId
{
    ImageActivate,
    ImageDeactivate,
    ImageRecycle,
    ImageStatusQuery,
    ImageNameQueryDm,
    CheckAuthentication,
    QueryApiFunctionalLevel,
    ResponseRecovery,
    ImageQueryActivateTime,
}
