using BenchmarkDotNet.Attributes;
using FenceZvm.Agent.Options;

namespace FenceZvm.Bench.Micro;

/// <summary>The option front end: pacemaker's stdin parameters, the command line, and -o metadata.</summary>
[Config(typeof(ShortJobConfig))]
public class FrontEndBenchmarks
{
    // What pacemaker-fenced writes to the agent's stdin for an off of cnode2 through a host map.
    private const string PacemakerStdin =
        "action=off\nagent=fence_zvmip\nip=zvm.example.com\nusername=CMANAGER\npassword=secret\n" +
        "disable_ssl=1\nipport=44444\nmethod=onoff\npower_timeout=40\nport=CNODE2\nplug=CNODE2\n" +
        "nodename=cnode2.example.com\n";

    private static readonly string[] CommandLine =
        ["--disable-ssl", "-a", "zvm.example.com", "-l", "CMANAGER", "-p", "secret", "-o", "off", "-n", "CNODE2"];

    private static readonly Dictionary<string, string?> Environment = new() { ["PCMK_service"] = "pacemaker-fenced" };

    [Benchmark]
    public bool ParseStdin() => AgentFrontEnd.Parse([], new StringReader(PacemakerStdin), AgentFlavor.Zvmip, Environment).Succeeded;

    [Benchmark]
    public bool ParseCommandLine() => AgentFrontEnd.Parse(CommandLine, TextReader.Null, AgentFlavor.Zvmip, Environment).Succeeded;

    [Benchmark]
    public int Metadata() => AgentFrontEnd.Metadata(AgentFlavor.Zvmip).Length;
}
