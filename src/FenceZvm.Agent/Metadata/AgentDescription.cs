using FenceZvm.Agent.Options;

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
        "Fence agent for use with z/VM Virtual Machines",
        """
        fence_zvmip is a Power Fencing agent for z/VM SMAPI service via TCP/IP.

        The z/VM SMAPI service must be configured so that the virtual machine running
        the agent can connect to the service, access the system's directory manager,
        and shortly thereafter run image_deactivate and image_activate. This involves
        updating the VSMWORK1 NAMELIST and VSMWORK1 AUTHLIST VMSYS:VSMWORK1 files.

        The NAMELIST entry assigns all the required functions to one nick and should
        look similar to this:

        :nick.ZVM_FENCE
        :list.
        IMAGE_ACTIVATE
        IMAGE_DEACTIVATE
        IMAGE_STATUS_QUERY
        CHECK_AUTHENTICATION
        IMAGE_NAME_QUERY_DM


        The AUTHLIST entry authorizes the user to perform all the functions associated
        with the nick, and should look similar to this:

        Column 1                   Column 66                Column 131

        |                          |                        |
        V                          V                        V

        XXXXXXXX                   ALL                      ZVM_FENCE

        where XXXXXXXX is the name of the user in the authuser field of the request.

        Refer to the official z/VM documentation for complete instructions and
        reference materials.

        """,
        "http://www.ibm.com");

    public static AgentDescription Zvm { get; } = new(
        "fence_zvm",
        "Fence agent for use with z/VM Virtual Machines over IUCV",
        """
        fence_zvm is a Power Fencing agent for z/VM SMAPI service via IUCV (AF_IUCV sockets).

        The agent runs in a z/VM guest and talks to the SMAPI IUCV request server
        (by default the virtual machine VSMREQIU) of the same z/VM system. No user
        name or password is sent: SMAPI authenticates the guest by its own user id.

        The directory entry of the guest running the agent must allow the IUCV
        connection with one of these statements:

        IUCV ANY
        IUCV VSMREQIU

        The NAMELIST entry assigns all the required functions to one nick and should
        look similar to this:

        :nick.ZVM_FENCE
        :list.
        IMAGE_ACTIVATE
        IMAGE_DEACTIVATE
        IMAGE_STATUS_QUERY
        IMAGE_NAME_QUERY_DM
        QUERY_API_FUNCTIONAL_LEVEL

        The VSMWORK1 AUTHLIST entry must name the guest running the agent itself,
        authorizing it for the functions of the nick:

        Column 1                   Column 66                Column 131

        |                          |                        |
        V                          V                        V

        XXXXXXXX                   ALL                      ZVM_FENCE

        where XXXXXXXX is the user id of the guest running the agent.

        Refer to the official z/VM documentation for complete instructions and
        reference materials.

        """,
        "http://www.ibm.com")
    {
        MonitorText = "Check that the SMAPI server answers this guest (Query_API_Functional_Level).",
        ManpageNote =
            "Testing aid: when the environment variable FENCE_ZVM_IUCV_SOCKET names a Unix-domain socket, "
            + "fence_zvm connects there instead of over AF_IUCV, everything else unchanged. The simulator "
            + "smapi-sim --iucv-socket PATH --iucv-caller GUESTID serves it. Never set it on a cluster node.",
    };
}
