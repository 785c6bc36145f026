namespace FenceZvm.Agent.Power;

public enum PowerRequestResult
{
    /// <summary>The server accepted the request (or the image is already in, or going to, that state).</summary>
    Accepted,

    /// <summary>The image is being deactivated: ask again after a pause.</summary>
    Busy,

    /// <summary>The image is defined and not active: nothing was deactivated or recycled.</summary>
    NotActive,

    /// <summary>The z/VM system defines no such image (SMAPI "image not found").</summary>
    NotDefined,

    /// <summary>
    /// The server failed in a way that does not tell whether the request was carried out (RC 900):
    /// only a status query can tell.
    /// </summary>
    Unconfirmed,
}
