using FenceZvm.Agent.Startup;

namespace FenceZvm.Tests.Iucv;

public sealed class GuestIdentityTests
{
    [Test]
    public void TheVm00NameOfSysinfoIsThisGuestsUserId()
    {
        const string sysinfo = "Manufacturer:         IBM\nLPAR Name:            LP01\nVM00 Name:            cnode1\nVM00 Control Program: z/VM    7.3.0\n";
        Assert.That(GuestIdentity.Parse(sysinfo), Is.EqualTo("CNODE1"));
    }

    [TestCase("Manufacturer: IBM\nLPAR Name: LP01\n")]
    [TestCase("VM00 Name:\n")]
    [TestCase("VM00 Name: TOOLONGNAME\n")]
    public void WithoutAUsableVm00NameThereIsNone(string sysinfo)
    {
        Assert.That(GuestIdentity.Parse(sysinfo), Is.Null);
    }

    [Test]
    public void AMissingSysinfoGivesNone()
    {
        Assert.That(GuestIdentity.Read("/nonexistent/sysinfo"), Is.Null);
    }
}
