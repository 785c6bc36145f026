using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Smapi;

/// <summary>
/// Words for SMAPI return and reason codes (spec section 6), so that every failure names the function,
/// the codes and what they mean: "...: RC 100 RS 16: not authorized by the server (...)". Meanings
/// particular to one function come from that function (<see cref="SmapiFunction.Meaning"/>).
/// </summary>
public static class ReturnCodes
{
    public const int Ok = 0;

    /// <summary>The server hit a CP or CMS message; the reason code is its number.</summary>
    public const int CpOrCmsError = 8;
    public const int Syntax = 24;
    public const int NotAuthorized = 100;
    public const int BadUserOrPassword = 120;
    public const int PasswordExpired = 128;
    public const int ImageOperation = 200;
    public const int ServerError = 900;

    /// <summary>Reason code 0: nothing further to say.</summary>
    public const int RsNone = 0;
    public const int RsNotFound = 4;
    public const int RsAlreadyActive = 8;
    public const int RsNotActive = 12;
    public const int RsBeingDeactivated = 16;
    public const int RsNotAuthorizedByServer = 16;
    public const int RsFunctionNotValid = 12;
    public const int RsLengthMismatch = 20;
    public const int RsListNotFound = 24;
    public const int RsLengthNotValid = 36;

    /// <summary>RC 24's reason is the parameter's number times 100 plus one of these.</summary>
    public const int SyntaxTooLong = 13;
    public const int SyntaxUnrecognized = 19;
    public const int SyntaxNotAlphanumeric = 36;

    /// <summary>The RS of RC 24 for parameter <paramref name="parameter"/> (function name 1, user 2, password 3, target 4, extras from 5).</summary>
    public static int SyntaxReason(int parameter, int error) => (parameter * 100) + error;

    // Switches rather than dictionaries: nothing to build at start-up (every start JIT-compiles on s390x).
    private static string? Pair(int rc, int rs) => (rc, rs) switch
    {
        (0, 0) => "request successful",
        (0, 8) => "request successful; object directory offline",
        (0, 16) => "request successful; no more entries",
        (0, 28) => "no matching entries",
        (4, 4) => "request does not exist",
        (4, 28) => "return buffer is empty",
        (28, 0) => "namelist file not found",
        (100, 0) => "not authorized by the external security manager",
        (100, 4) => "authorization deferred to the directory manager",
        (100, 8) => "not authorized by the external security manager",
        (100, 12) => "not authorized by the directory manager",
        (100, 16) => "not authorized by the server (check the VSMWORK1 AUTHLIST and NAMELIST entries for this user, function and target)",
        (120, 0) => "authentication error: user id or password not valid",
        (128, 0) => "authentication error: password expired",
        (200, 0) => "image operation error",
        (200, 4) => "image not found",
        (200, 8) => "image already active",
        (200, 12) => "image not active",
        (200, 16) => "image being deactivated",
        (200, 24) => "list not found",
        (200, 28) => "some images in the list not activated",
        (200, 32) => "some images in the list not deactivated",
        (200, 36) => "some images in the list not recycled, or force time not valid",
        (396, 0) => "internal system error",
        (400, 4) => "image definition not found",
        (400, 12) => "image definition is locked",
        (500, 0) => "directory manager request could not be completed",
        (500, 4) => "directory manager is not accepting updates",
        (500, 8) => "directory manager is not available",
        (500, 20) => "password format not supported",
        (900, 4) => "custom exec not found",
        (900, 8) => "worker server not found",
        (900, 12) => "function does not exist (wrong name, or the server does not use this text encoding)",
        (900, 16) => "function entry in DMSSIPTS is not valid",
        (900, 20) => "total length does not match the specified input data",
        (900, 24) => "error accessing the SFS directory",
        (900, 28) => "function output format not valid",
        (900, 32) => "response from the worker server not valid",
        (900, 36) => "length not valid: outside the server's range",
        (900, 40) => "internal server socket error",
        (900, 68) => "cannot access the LOHCOST server",
        (900, 99) => "system changed during the call; reissue it",
        _ => null,
    };

    private static string? Code(int rc) => rc switch
    {
        0 => "request successful",
        4 => "warning",
        8 => "error",
        24 => "function parameter syntax error",
        28 => "namelist file not found",
        36 => "authorization request result",
        100 => "request not authorized",
        104 => "authorization file not found",
        106 => "authorization file cannot be updated",
        108 => "authorization file entry already exists",
        112 => "authorization file entry does not exist",
        120 => "authentication error",
        128 => "authentication error: password expired",
        188 => "internal server error: external security manager failure",
        192 => "internal server error: cannot authenticate user or password",
        196 => "internal callable services error",
        200 => "image operation error",
        204 => "image device usage error",
        208 => "image disk usage error",
        212 => "active image connectivity error",
        216 => "image CPU error",
        300 => "image volume function error",
        396 => "internal system error",
        400 => "image or profile definition error",
        500 => "directory manager error",
        504 => "target id not added",
        592 => "asynchronous operation started",
        596 => "internal directory manager error",
        600 => "shared memory error",
        620 => "virtual network error",
        800 => "VMRM error",
        900 => "socket server error",
        _ => null,
    };

    /// <summary>The words for one RC/RS pair; the function's own meanings first.</summary>
    public static string Describe(SmapiFunction function, int rc, int rs)
    {
        if (function.Meaning(rc, rs) is { } particular)
        {
            return particular;
        }

        if (Pair(rc, rs) is { } text)
        {
            return text;
        }

        if (rc == CpOrCmsError)
        {
            return $"error; reason code is the number of the CP or CMS message the server hit (HCP/DMS{rs:D4})";
        }

        if (rc == Syntax)
        {
            return $"function parameter syntax error in parameter {rs / 100} (type {rs % 100})";
        }

        return Code(rc) ?? "unknown return code";
    }

    /// <summary>"FUNCTION: RC 100 RS 16: not authorized by the server (...)".</summary>
    public static string Format(SmapiFunction function, int rc, int rs) =>
        $"{function.Name}: RC {rc} RS {rs}: {Describe(function, rc, rs)}";
}
