using FenceZvm.Simulator.State;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Pacemaker;

/// <summary>
/// One agent as the fencer sees it: a device (and a device for a user that may not touch SECRET)
/// registered against a simulator of its own, with host-map node names prefixed by <see cref="Label"/>.
/// </summary>
public sealed record FencerSide(string Label, string Agent, SmapiSimProcess Sim)
{
    public const string User = "FENCEUSR";
    public const string Password = "fence-pw1";
    public const string LimitedUser = "LIMITED";
    public const string LimitedPassword = "limited-pw1";

    /// <summary>Guests fenced one after the other to time the fence on each side.</summary>
    public static readonly string[] TimedGuests = ["TIMED1", "TIMED2", "TIMED3", "TIMED4", "TIMED5"];

    /// <summary>The typo in <see cref="TypoDevice"/>'s host map: a guest the simulated z/VM does not define.</summary>
    public const string UndefinedGuest = "CNOD4";

    /// <summary>
    /// CNODE1 is fenced, CNODE2 unfenced, CNODE3 rebooted, TIMEDn fenced; SECRET is out of LIMITED's reach;
    /// CNODE4 is fenced through the device whose host map also has a typo.
    /// </summary>
    public static readonly string[] Guests = ["CNODE1=on", "CNODE2=off", "CNODE3=on", "CNODE4=on", "SECRET=on", .. TimedGuests.Select(g => g + "=on")];

    public static readonly string[] Users = [$"{User}:{Password}", $"{LimitedUser}:{LimitedPassword}:all:CNODE1,CNODE2,CNODE3"];

    public string Device => Label;

    public string LimitedDevice => Label + "-limited";

    /// <summary>A device whose pcmk_host_map maps its typo node to <see cref="UndefinedGuest"/> and its good node to CNODE4.</summary>
    public string TypoDevice => Label + "-typo";

    public string TypoNode => Label + "-typo-node";

    public string Node(string guest) => $"{Label}-{guest.ToLowerInvariant()}";

    public async Task RegisterAsync()
    {
        await RegisterAsync(Device, User, Password, ["CNODE1", "CNODE2", "CNODE3", .. TimedGuests]);
        await RegisterAsync(LimitedDevice, LimitedUser, LimitedPassword, ["SECRET"]);
        await RegisterAsync(TypoDevice, User, Password, $"{TypoNode}:{UndefinedGuest};{Node("CNODE4")}:CNODE4");
    }

    public GuestRecord Guest(string name) => Sim.Guest(name);

    /// <summary>What a guest went through, comparable between the two sides.</summary>
    public string History(string name)
    {
        GuestRecord g = Guest(name);
        return $"{g.Name}={g.State} deactivations={g.Deactivations} activations={g.Activations} recycles={g.Recycles}";
    }

    private Task RegisterAsync(string device, string user, string password, string[] guests) =>
        RegisterAsync(device, user, password, string.Join(';', guests.Select(g => $"{Node(g)}:{g}")));

    private async Task RegisterAsync(string device, string user, string password, string hostMap)
    {
        ProcessResult r = await ClusterCli.StonithAdminAsync(
            "--register", device, "--agent", Agent,
            "--option", "ip=127.0.0.1", "--option", "ipport=" + Sim.PortText, "--option", "disable_ssl=1",
            "--option", "username=" + user, "--option", "password=" + password,
            "--option", "pcmk_host_map=" + hostMap);
        Assert.That(r.ExitCode, Is.Zero, $"registering {device} ({Agent}): {r}");
    }
}
