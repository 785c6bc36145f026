using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Spec 2.2: user 0..8, password 0..200, target 1..8 (and absent for Check_Authentication).</summary>
public class RequestLimitsTests
{
    [Test]
    public void UpperBoundsAreAccepted()
    {
        SmapiRequest request = SmapiRequests.ImageActivate(new SmapiCredentials("ABCDEFGH", new string('p', 200)), "LINUX012");

        Assert.That(request.User, Has.Length.EqualTo(8));
        Assert.That(request.Password, Has.Length.EqualTo(200));
        Assert.That(request.Target, Has.Length.EqualTo(8));
    }

    [Test]
    public void UserOfNineCharactersIsRefused() =>
        Assert.Throws<SmapiRequestException>(() => SmapiRequests.ImageActivate(new SmapiCredentials("ABCDEFGHI", "pw"), "LINUX01"));

    [Test]
    public void PasswordOf201CharactersIsRefusedWithoutShowingIt()
    {
        string password = new('q', 201);
        var e = Assert.Throws<SmapiRequestException>(() => SmapiRequests.CheckAuthentication(new SmapiCredentials("FENCEUSR", password)));

        Assert.That(e!.Message, Does.Not.Contain("qqqq"));
    }

    [Test]
    public void TargetOfNineCharactersIsRefused() =>
        Assert.Throws<SmapiRequestException>(() => SmapiRequests.ImageStatusQuery(new SmapiCredentials("FENCEUSR", "pw"), "LINUX0123"));

    [TestCase("")]
    [TestCase(null)]
    public void MissingTargetIsRefused(string? target)
    {
        var credentials = new SmapiCredentials("FENCEUSR", "pw");

        Assert.Throws<SmapiRequestException>(() => SmapiRequests.ImageDeactivate(credentials, target!, ForceTime.Immediate));
        Assert.Throws<SmapiRequestException>(() => SmapiRequests.ImageStatusQuery(credentials, target!));
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(SmapiFunction.ImageRecycle, credentials, target));
    }

    [Test]
    public void CheckAuthenticationTakesNoTarget() =>
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(SmapiFunction.CheckAuthentication, new SmapiCredentials("FENCEUSR", "pw"), "LINUX01"));

    [Test]
    public void ExtraParametersMustMatchTheFunction()
    {
        var credentials = new SmapiCredentials("FENCEUSR", "pw");

        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(SmapiFunction.ImageDeactivate, credentials, "LINUX01"));
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(SmapiFunction.ImageDeactivate, credentials, "LINUX01", RequestParameter.OfInt32(5)));
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(SmapiFunction.ImageActivate, credentials, "LINUX01", RequestParameter.OfText("X")));
    }

    [Test]
    public void DefaultCredentialsAreRefusedNotANullReference() =>
        Assert.Throws<SmapiRequestException>(() => SmapiRequests.ImageActivate(default, "LINUX01"));

    [Test]
    public void NonAsciiPasswordIsRefusedWhenFramedWithoutShowingIt()
    {
        SmapiRequest request = SmapiRequests.CheckAuthentication(new SmapiCredentials("FENCEUSR", "pässwörd"));

        var e = Assert.Throws<SmapiEncodingException>(() => RequestFramer.ToArray(request, TextCodecs.Ascii));
        Assert.That(e!.Message, Does.Contain("password").And.Contain("U+00E4").And.Not.Contain("sswö"));
    }
}
