namespace FenceZvm.Tests.Pacemaker.Cluster;

/// <summary>corosync.conf for a one-node cluster on loopback (knet, no crypto, votequorum), logging to a file.</summary>
public static class CorosyncConfig
{
    public const string NodeName = "node1";

    public static string Write(string directory)
    {
        string path = Path.Combine(directory, "corosync.conf");
        File.WriteAllText(path, $$"""
            totem {
                version: 2
                cluster_name: fencezvmtest
                transport: knet
                crypto_cipher: none
                crypto_hash: none
            }
            nodelist {
                node {
                    ring0_addr: 127.0.0.1
                    name: {{NodeName}}
                    nodeid: 1
                }
            }
            quorum {
                provider: corosync_votequorum
            }
            logging {
                to_logfile: yes
                logfile: {{Path.Combine(directory, "corosync.log")}}
                to_syslog: no
                to_stderr: no
            }
            """);
        return path;
    }
}
