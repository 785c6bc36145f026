namespace FenceZvm.Agent.Power;

/// <summary>
/// The fence semantics of one z/VM system as the action flow sees it. Implementations translate
/// SMAPI return codes into these answers and throw <see cref="FenceFailure"/> for anything else. Every
/// call holds its thread until the device has answered; the action flow gives each plug a thread.
/// </summary>
public interface IPowerDevice
{
    /// <summary>On or off; an image the system does not define reads as off (SMAPI cannot tell them apart here).</summary>
    PowerState GetStatus(GuestName plug, CancellationToken cancellationToken);

    PowerRequestResult PowerOn(GuestName plug, CancellationToken cancellationToken);

    /// <summary>Deactivates the image; <see cref="PowerRequestResult.NotActive"/> when it was not active.</summary>
    PowerRequestResult PowerOff(GuestName plug, CancellationToken cancellationToken);

    /// <summary>Deactivates and reactivates the image in one request (Image_Recycle).</summary>
    PowerRequestResult Recycle(GuestName plug, CancellationToken cancellationToken);

    /// <summary>When the image last logged on ("2026-11-25 08:04:21"), or null when that cannot be told.</summary>
    string? GetLogonTime(GuestName plug, CancellationToken cancellationToken);

    /// <summary>Defined images with their state, in the server's order.</summary>
    IReadOnlyList<ImageEntry> List(CancellationToken cancellationToken);

    /// <summary>Names of the images the system defines, compared without regard to case, when no power request could tell.</summary>
    IReadOnlyCollection<string> DefinedNames(CancellationToken cancellationToken);

    /// <summary>Checks that the device is reachable and the credentials are accepted.</summary>
    void Monitor(CancellationToken cancellationToken);
}
