using Microsoft.Win32.SafeHandles;

namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>Owns a socket file descriptor and closes it exactly once.</summary>
internal sealed class DescriptorHandle : SafeHandleMinusOneIsInvalid
{
    public DescriptorHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    public int Fd => (int)handle;

    protected override bool ReleaseHandle() => Libc.Close((int)handle) == 0;
}
