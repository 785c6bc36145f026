namespace FenceZvm.Agent.Power;

/// <summary>
/// The fence semantics of one z/VM system as the action flow sees it. Implementations translate
/// SMAPI return codes into these answers and throw <see cref="FenceFailure"/> for anything else.
/// </summary>
public interface IPowerDevice
{
    /// <summary>On or off; an image the system does not define reads as off (SMAPI cannot tell them apart here).</summary>
    Task<PowerState> GetStatusAsync(string plug, CancellationToken cancellationToken);

    Task<PowerRequestResult> PowerOnAsync(string plug, CancellationToken cancellationToken);

    /// <summary>Deactivates the image; <see cref="PowerRequestResult.NotActive"/> when it was not active.</summary>
    Task<PowerRequestResult> PowerOffAsync(string plug, CancellationToken cancellationToken);

    /// <summary>Deactivates and reactivates the image in one request (Image_Recycle).</summary>
    Task<PowerRequestResult> RecycleAsync(string plug, CancellationToken cancellationToken);

    /// <summary>When the image last logged on ("2026-11-25 08:04:21"), or null when that cannot be told.</summary>
    Task<string?> GetLogonTimeAsync(string plug, CancellationToken cancellationToken);

    /// <summary>Defined images with their state, in the server's order.</summary>
    Task<IReadOnlyList<ImageEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Names of the images the system defines (upper case), when no power request could tell.</summary>
    Task<IReadOnlyCollection<string>> DefinedNamesAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the device is reachable and the credentials are accepted.</summary>
    Task MonitorAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when a call holds its thread until the server has answered (the SMAPI client does, as a
    /// blocking exchange is the cheapest to start): the action flow then gives each plug a thread.
    /// </summary>
    bool CallsBlock => false;
}
