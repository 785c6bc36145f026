using FenceZvm.Agent.Options;
using FenceZvm.Smapi.Functions;

namespace FenceZvm.Agent.Metadata;

/// <summary>The prose of each agent: short and long description, vendor URL.</summary>
public sealed record AgentDescription(string Name, string ShortDesc, string LongDesc, string VendorUrl)
{
    /// <summary>An extra DESCRIPTION paragraph of the man page only (not in the metadata).</summary>
    public string? ManpageNote { get; init; }

    /// <summary>What the monitor action checks, for the man page.</summary>
    public string MonitorText { get; init; } = "Check that the SMAPI server is reachable and accepts the credentials.";

    public static AgentDescription For(AgentFlavor flavor) => flavor == AgentFlavor.Zvm ? Zvm : Zvmip;

    public static AgentDescription Zvmip { get; } = new(
        "fence_zvmip",
        "Fences z/VM guests through the SMAPI server over TCP/IP",
        """
        fence_zvmip powers z/VM guests off and on by calling the Systems Management API (SMAPI) server over TCP/IP.

        SMAPI runs a function only for a user its configuration on VMSYS:VSMWORK1. allows to.
        Two files there grant the user named by the username parameter what fencing needs:
        VSMWORK1 NAMELIST gives the functions a group name (a nick), and VSMWORK1 AUTHLIST lets
        the user call the functions of that nick. The user must also be able to reach the
        directory manager, which SMAPI asks for the list of guests.

        A NAMELIST entry with every function the agent calls:

        :nick.ZVM_FENCE
        :list.
        IMAGE_ACTIVATE
        IMAGE_DEACTIVATE
        IMAGE_STATUS_QUERY
        CHECK_AUTHENTICATION
        IMAGE_NAME_QUERY_DM

        The AUTHLIST line that lets the user call them for every guest, one field per column:

        column 1     the SMAPI user (the username parameter)
        column 66    ALL (every target guest)
        column 131   ZVM_FENCE (the nick above)

        The SMAPI chapters of the z/VM library describe both files in full.

        """,
        "http://www.ibm.com");

    public static AgentDescription Zvm { get; } = new(
        "fence_zvm",
        "Fences z/VM guests through the SMAPI server over IUCV",
        """
        fence_zvm powers z/VM guests off and on by calling the Systems Management API (SMAPI) over AF_IUCV sockets.

        It runs in a guest of the same z/VM system and connects to the SMAPI IUCV request server,
        the virtual machine VSMREQIU unless the ip parameter names another. It sends no user name
        or password: SMAPI knows the caller by the user id of the guest the agent runs in.

        That guest's directory entry must allow the IUCV connection, with either statement:

        IUCV ANY
        IUCV VSMREQIU

        On VMSYS:VSMWORK1., an entry of VSMWORK1 NAMELIST groups the functions the agent calls under one nick:

        :nick.ZVM_FENCE
        :list.
        IMAGE_ACTIVATE
        IMAGE_DEACTIVATE
        IMAGE_STATUS_QUERY
        IMAGE_NAME_QUERY_DM
        QUERY_API_FUNCTIONAL_LEVEL

        and a line of VSMWORK1 AUTHLIST lets the guest running the agent call them for every guest:

        column 1     the user id of the guest running the agent
        column 66    ALL (every target guest)
        column 131   ZVM_FENCE (the nick above)

        The SMAPI chapters of the z/VM library describe both files in full.

        """,
        "http://www.ibm.com")
    {
        MonitorText = $"Check that the SMAPI server answers this guest ({QueryApiFunctionalLevel.WireName}).",
        ManpageNote =
            "Testing aid: when the environment variable FENCE_ZVM_IUCV_SOCKET names a Unix-domain socket, "
            + "fence_zvm connects there instead of over AF_IUCV, everything else unchanged. The simulator "
            + "smapi-sim --iucv-socket PATH --iucv-caller GUESTID serves it. Never set it on a cluster node.",
    };
}
