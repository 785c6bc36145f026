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
        SmapiRequest request = ImageActivate.Function.Request(new SmapiCredentials("ABCDEFGH", new string('p', 200)), "LINUX012");

        Assert.That(request.User, Has.Length.EqualTo(8));
        Assert.That(request.Password, Has.Length.EqualTo(200));
        Assert.That(request.Target, Has.Length.EqualTo(8));
    }

    [Test]
    public void UserOfNineCharactersIsRefused() =>
        Assert.Throws<SmapiRequestException>(() => ImageActivate.Function.Request(new SmapiCredentials("ABCDEFGHI", "pw"), "LINUX01"));

    [Test]
    public void PasswordOf201CharactersIsRefusedWithoutShowingIt()
    {
        string password = new('q', 201);
        var e = Assert.Throws<SmapiRequestException>(() => CheckAuthentication.Function.Request(new SmapiCredentials("FENCEUSR", password)));

        Assert.That(e!.Message, Does.Not.Contain("qqqq"));
    }

    [Test]
    public void TargetOfNineCharactersIsRefused() =>
        Assert.Throws<SmapiRequestException>(() => ImageStatusQuery.Function.Request(new SmapiCredentials("FENCEUSR", "pw"), "LINUX0123"));

    [TestCase("")]
    [TestCase(null)]
    public void MissingTargetIsRefused(string? target)
    {
        var credentials = new SmapiCredentials("FENCEUSR", "pw");

        Assert.Throws<SmapiRequestException>(() => ImageDeactivate.Function.Request(credentials, target!, ForceTime.Immediate));
        Assert.Throws<SmapiRequestException>(() => ImageStatusQuery.Function.Request(credentials, target!));
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(ImageRecycle.Function, credentials, target));
    }

    [Test]
    public void CheckAuthenticationTakesNoTarget() =>
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(CheckAuthentication.Function, new SmapiCredentials("FENCEUSR", "pw"), "LINUX01"));

    [Test]
    public void ExtraParametersMustMatchTheFunction()
    {
        var credentials = new SmapiCredentials("FENCEUSR", "pw");

        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(ImageDeactivate.Function, credentials, "LINUX01"));
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(ImageDeactivate.Function, credentials, "LINUX01", RequestParameter.OfInt32(5)));
        Assert.Throws<SmapiRequestException>(() => new SmapiRequest(ImageActivate.Function, credentials, "LINUX01", RequestParameter.OfText("X")));
    }

    [Test]
    public void DefaultCredentialsAreRefusedNotANullReference() =>
        Assert.Throws<SmapiRequestException>(() => ImageActivate.Function.Request(default, "LINUX01"));

    [Test]
    public void NonAsciiPasswordIsRefusedWhenFramedWithoutShowingIt()
    {
        SmapiRequest request = CheckAuthentication.Function.Request(new SmapiCredentials("FENCEUSR", "pässwörd"));

        var e = Assert.Throws<SmapiEncodingException>(() => RequestFramer.ToArray(request, TextCodecs.Ascii));
        Assert.That(e!.Message, Does.Contain("password").And.Contain("U+00E4").And.Not.Contain("sswö"));
    }
}
