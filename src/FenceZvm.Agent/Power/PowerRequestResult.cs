namespace FenceZvm.Agent.Power;

public enum PowerRequestResult
{
    /// <summary>The server accepted the request (or the image is already in, or going to, that state).</summary>
    Accepted,

    /// <summary>The image is being deactivated: ask again after a pause.</summary>
    Busy,

    /// <summary>Image_Recycle of an image that is not active: nothing was recycled.</summary>
    NotActive,
}
