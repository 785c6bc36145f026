using System.Net;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Smapi.Text;

namespace FenceZvm.Simulator.Server;

public sealed record SimulatorOptions
{
    /// <summary>TCP addresses to listen on; port 0 picks a free port.</summary>
    public IReadOnlyList<IPEndPoint> Listen { get; init; } = [];

    public IReadOnlyList<GuestDefinition> Guests { get; init; } = [];

    public IReadOnlyList<SmapiUser> Users { get; init; } = [];

    public ITextCodec Codec { get; init; } = TextCodecs.Ascii;

    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    /// <summary>JSON file with every guest's state, rewritten (temp file + rename) after every change.</summary>
    public string? StateFile { get; init; }

    /// <summary>Shell command run when a guest powers off or on (see <see cref="State.GuestHook"/>).</summary>
    public string? GuestHook { get; init; }

    /// <summary>Serve TLS on the TCP listeners (not on the IUCV socket).</summary>
    public SimulatorTls? Tls { get; init; }

    public TimeSpan ActivateDelay { get; init; }

    public TimeSpan DeactivateDelay { get; init; }

    /// <summary>When above <see cref="DeactivateDelay"/>: each deactivation takes a random time between the two.</summary>
    public TimeSpan DeactivateDelayMax { get; init; }

    /// <summary>From an Image_Recycle to the new logon; the guest shows inactive meanwhile.</summary>
    public TimeSpan RecycleDelay { get; init; }

    /// <summary>Name lists usable as the target of the image operations.</summary>
    public IReadOnlyList<NameList> NameLists { get; init; } = [];

    /// <summary>AF_UNIX stream socket standing in for AF_IUCV: no password, the caller is <see cref="IucvCaller"/>.</summary>
    public string? IucvSocket { get; init; }

    public string? IucvCaller { get; init; }

    /// <summary>For this long after start the IUCV socket is at its connection limit: connects fail with EAGAIN.</summary>
    public TimeSpan IucvBusy { get; init; }

    /// <summary>How long a client may take to send its whole request.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest input_length accepted; a larger one is answered with RC 900 RS 36.</summary>
    public int MaxInputLength { get; init; } = 64 * 1024;

    /// <summary>How many responses are kept for Response_Recovery.</summary>
    public int KeptResponses { get; init; } = 1000;

    public int FunctionalLevel { get; init; } = 640;

    /// <summary>How many connections are served at once (the worker servers); more wait their turn. 0: no limit.</summary>
    public int Workers { get; init; }

    public uint FirstRequestId { get; init; } = 1;
}
