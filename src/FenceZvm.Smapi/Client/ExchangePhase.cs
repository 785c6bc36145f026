namespace FenceZvm.Smapi.Client;

internal enum ExchangePhase
{
    Connect,
    Send,
    RequestId,
    Output,
}
