using System.Runtime.InteropServices;

namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>
/// What a failed AF_IUCV socket or connect means, in words an administrator can act on. The kernel
/// maps IUCV connect codes to errno (spec 1.2): 0x0b ENETUNREACH, 0x0d/0x0e EAGAIN, 0x0f EACCES,
/// anything else ECONNREFUSED; a kernel without AF_IUCV answers socket() with EAFNOSUPPORT.
/// </summary>
public static class IucvErrors
{
    public static string Describe(int errno, string server) => errno switch
    {
        Errno.ENETUNREACH => $"SMAPI server {server} is not logged on",
        Errno.EACCES => $"no IUCV authorization in this guest's directory entry (IUCV ANY or IUCV {server})",
        Errno.EAGAIN => $"too many IUCV connections (the maximum of this guest or of {server} is reached)",
        Errno.EAFNOSUPPORT => "this system has no AF_IUCV (not Linux on IBM Z under z/VM, or the af_iucv module is not loaded: modprobe af_iucv)",
        Errno.ECONNREFUSED => $"refused by {server}",
        _ => StrError(errno),
    };

    /// <summary>The testing stand-in (a Unix-domain socket) speaks plain errno.</summary>
    public static string DescribeStandIn(int errno, string path) => errno switch
    {
        Errno.ENOENT => $"the IUCV stand-in socket {path} does not exist",
        Errno.ECONNREFUSED => $"nothing listens on the IUCV stand-in socket {path}",
        Errno.EAGAIN => $"the IUCV stand-in socket {path} is at its connection limit (its listen backlog is full)",
        _ => $"IUCV stand-in socket {path}: {StrError(errno)}",
    };

    public static string StrError(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
