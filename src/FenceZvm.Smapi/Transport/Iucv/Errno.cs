namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>The Linux errno values the AF_IUCV transport tells apart (the same on every Linux architecture we build for).</summary>
public static class Errno
{
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int ENOENT = 2;
    public const int EAFNOSUPPORT = 97;
    public const int ENETUNREACH = 101;
    public const int ECONNRESET = 104;
    public const int ECONNREFUSED = 111;
}
