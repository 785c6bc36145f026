namespace FenceZvm.Smapi.Transport;

public enum AddressFamilyPreference
{
    Any,
    IPv4Only,
    IPv6Only,
}
