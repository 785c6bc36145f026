using System.Runtime.InteropServices;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Iucv;

/// <summary>fence_zvm on a system without AF_IUCV (every build machine but Linux on IBM Z under z/VM).</summary>
public sealed class ZvmNoIucvTests
{
    [Test]
    public async Task StatusFailsAtOnceWithTheReason()
    {
        Assume.That(RuntimeInformation.ProcessArchitecture, Is.Not.EqualTo(Architecture.S390x), "IBM Z may have AF_IUCV");
        ProcessResult r = await ProcessRunner.RunAsync(
            ZvmAgentProcess.Path,
            ["-o", "status", "-n", "CNODE1"],
            environment: new Dictionary<string, string> { ["FENCE_ZVM_IUCV_SOCKET"] = string.Empty },
            timeout: TimeSpan.FromSeconds(5));
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "hang guard");
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr, Does.Contain("Unable to connect to IUCV VSMREQIU: this system has no AF_IUCV (not Linux on IBM Z under z/VM, or the af_iucv module is not loaded: modprobe af_iucv)"));
    }

    [Test]
    public async Task AServerNameLongerThanEightCharactersIsAUsageError()
    {
        ProcessResult r = await ZvmAgentProcess.RunAsync("-o", "status", "-n", "CNODE1", "-a", "VSMREQIU9");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stderr, Does.Contain("Failed: Name of the SMAPI server virtual machine (--ip) can not be longer than 8 characters"));
    }

    [Test]
    public async Task ValidateAllNeedsNoServer()
    {
        ProcessResult r = await ZvmAgentProcess.RunAsync("-o", "validate-all", "-n", "CNODE1", "--zvmsys", "ZVMSYS1");
        Assert.That((r.ExitCode, r.Stdout, r.Stderr), Is.EqualTo((0, string.Empty, string.Empty)), r.ToString());
    }
}
