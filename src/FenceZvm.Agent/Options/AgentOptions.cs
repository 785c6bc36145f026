namespace FenceZvm.Agent.Options;

/// <summary>
/// The parsed, typed options of one agent run. Produced once by the option parsers
/// (command line or stdin) from the option table; everything downstream reads only this.
/// </summary>
public sealed record AgentOptions
{
    public AgentFlavor Flavor { get; init; } = AgentFlavor.Zvmip;
    public FenceAction Action { get; init; } = FenceAction.Reboot;

    /// <summary>fence_zvmip: SMAPI host names or addresses (comma-separated on input); fence_zvm: the SMAPI IUCV server user id.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public int Port { get; init; } = 44444;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? PasswordScript { get; init; }

    /// <summary>Where the plug names came from, for messages about a wrong one.</summary>
    public PlugOrigin PlugOrigin { get; init; } = PlugOrigin.CommandLine;

    /// <summary>The cluster node a fencer asked about (stdin <c>nodename=</c>), when it said.</summary>
    public string? NodeName { get; init; }

    /// <summary>Target images, already split on <see cref="PlugSeparator"/>.</summary>
    public IReadOnlyList<string> Plugs { get; init; } = [];

    public TlsMode Tls { get; init; } = TlsMode.Secure;
    public string? SslCaFile { get; init; }

    /// <summary>Pinned SHA-256 certificate fingerprints as plain upper-case hex (--ssl-fingerprint).</summary>
    public IReadOnlyList<string> SslFingerprints { get; init; } = [];
    public bool Inet4Only { get; init; }
    public bool Inet6Only { get; init; }
    public RebootMethod Method { get; init; } = RebootMethod.OnOff;
    /// <summary>An image the z/VM system does not define counts as off (upstream's behaviour) instead of failing.</summary>
    public bool MissingAsOff { get; init; }

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;
    public TimeSpan PowerTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan PowerWait { get; init; } = TimeSpan.Zero;
    public TimeSpan ShellTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan StonithStatusSleep { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>False when stonith_status_sleep took its default: then the quick <c>PollSchedule</c> applies.</summary>
    public bool StonithStatusSleepGiven { get; init; }

    public int RetryOn { get; init; } = 1;

    /// <summary>True when the caller (pacemaker-fenced) owns the deadline.</summary>
    public bool DisableTimeout { get; init; }

    public string Separator { get; init; } = ",";
    public string PlugSeparator { get; init; } = ",";

    /// <summary>"ascii" (default) or "ebcdic": how SMAPI text fields are encoded on the wire.</summary>
    public string SmapiEncoding { get; init; } = "ascii";

    /// <summary>fence_zvm only: accepted and ignored (the kernel ignores the node id).</summary>
    public string? Zvmsys { get; init; }

    public int VerboseLevel { get; init; }
    public string? DebugFile { get; init; }
    public bool Quiet { get; init; }
    public bool ShowVersion { get; init; }
    public bool ShowHelp { get; init; }
}
