using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>RC/RS pairs in words (spec 6).</summary>
public class ReturnCodesTests
{
    [Test]
    public void NotAuthorizedByTheServerNamesTheFunctionAndTheAuthList()
    {
        string text = ReturnCodes.Format(ImageDeactivate.Function, 100, 16);

        Assert.That(text, Does.StartWith("Image_Deactivate: RC 100 RS 16: not authorized by the server"));
        Assert.That(text, Does.Contain("AUTHLIST"));
    }

    [Test]
    public void StatusQuery0_12IsImageNotActive() =>
        Assert.That(ReturnCodes.Format(ImageStatusQuery.Function, 0, 12), Is.EqualTo("Image_Status_Query: RC 0 RS 12: image not active"));

    [TestCase("Image_Activate", 200, 4, "image not found")]
    [TestCase("Image_Activate", 200, 8, "image already active")]
    [TestCase("Image_Deactivate", 200, 12, "image not active")]
    [TestCase("Image_Deactivate", 200, 16, "image being deactivated")]
    [TestCase("Check_Authentication", 120, 0, "authentication error: user id or password not valid")]
    [TestCase("Check_Authentication", 128, 0, "authentication error: password expired")]
    [TestCase("Image_Recycle", 900, 12, "function does not exist (wrong name, or the server does not use this text encoding)")]
    [TestCase("Image_Recycle", 900, 20, "total length does not match the specified input data")]
    [TestCase("Image_Activate", 900, 99, "system changed during the call; reissue it")]
    [TestCase("Response_Recovery", 4, 4, "request does not exist")]
    [TestCase("Image_Activate", 0, 0, "request successful")]
    public void Pairs(string function, int rc, int rs, string words) =>
        Assert.That(ReturnCodes.Format(Named(function), rc, rs), Is.EqualTo($"{function}: RC {rc} RS {rs}: {words}"));

    private static SmapiFunction Named(string name) =>
        SmapiFunctions.TryGet(name, out SmapiFunction function) ? function : throw new ArgumentException($"no function {name}", nameof(name));

    [Test]
    public void SyntaxErrorNamesTheParameter() =>
        Assert.That(ReturnCodes.Describe(ImageActivate.Function, 24, 213), Is.EqualTo("function parameter syntax error in parameter 2 (type 13)"));

    [Test]
    public void Rc8ReasonIsTheMessageNumber() =>
        Assert.That(ReturnCodes.Describe(ImageActivate.Function, 8, 45), Does.Contain("HCP/DMS0045"));

    [Test]
    public void UnknownReturnCode()
    {
        Assert.That(ReturnCodes.Format(ImageActivate.Function, 12345, 7), Is.EqualTo("Image_Activate: RC 12345 RS 7: unknown return code"));
        Assert.That(ReturnCodes.Describe(ImageActivate.Function, -1, 0), Is.EqualTo("unknown return code"));
    }

    [Test]
    public void UnlistedReasonFallsBackToTheReturnCode() =>
        Assert.That(ReturnCodes.Describe(ImageActivate.Function, 200, 77), Is.EqualTo("image operation error"));

    [Test]
    public void DeactivateRc0WithReasonIsStillSuccess() =>
        Assert.That(ReturnCodes.Describe(ImageDeactivate.Function, 0, 30), Is.EqualTo("request successful; deactivated within 30 seconds"));

    [TestCase(0, "5.3")]
    [TestCase(540, "5.4")]
    [TestCase(610, "6.1")]
    [TestCase(612, "6.1 SPE")]
    [TestCase(621, "6.2")]
    [TestCase(632, "6.3")]
    [TestCase(640, "6.4")]
    [TestCase(649, "6.4")]
    [TestCase(650, "unknown (650)")]
    public void FunctionalLevel(int rs, string level) =>
        Assert.That(QueryApiFunctionalLevel.Level(rs), Is.EqualTo(level));

    [Test]
    public void FunctionalLevelQueryDescribesTheLevel() =>
        Assert.That(ReturnCodes.Describe(QueryApiFunctionalLevel.Function, 0, 640), Is.EqualTo("request successful; API functional level 6.4"));
}
