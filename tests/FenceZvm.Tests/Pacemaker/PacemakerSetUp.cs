namespace FenceZvm.Tests.Pacemaker;

/// <summary>Installs the test agents once for every fixture of this namespace and removes them at the end, whatever happened.</summary>
[SetUpFixture]
public sealed class PacemakerSetUp
{
    [OneTimeSetUp]
    public void InstallTestAgents()
    {
        PacemakerRequirements.RequireAll();
        try
        {
            TestAgents.Install();
        }
        catch
        {
            TestAgents.Remove();
            throw;
        }
    }

    [OneTimeTearDown]
    public void RemoveTestAgents()
    {
        if (PacemakerRequirements.MissingReason() is null)
        {
            TestAgents.Remove();
        }
    }
}
