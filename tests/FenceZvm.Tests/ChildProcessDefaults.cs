namespace FenceZvm.Tests;

/// <summary>
/// Before any test: every program a test starts inherits a syslog socket that does not exist, so no run of
/// the agent writes to the machine's log (a test that reads the log gives the agent a socket of its own).
/// </summary>
[SetUpFixture]
public sealed class ChildProcessDefaults
{
    public const string SyslogVariable = "FENCE_ZVM_SYSLOG_SOCKET";

    [OneTimeSetUp]
    public void NoMachineSyslog() => Environment.SetEnvironmentVariable(SyslogVariable, "/nonexistent/fence-zvm-test-syslog");
}
