using FenceZvm.Smapi.Functions;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Image_Deactivate force_time: IMMED, WITHIN 1..65535, BY hh:mm[:ss].</summary>
public class ForceTimeTests
{
    [Test]
    public void BuildersProduceTheWireText()
    {
        Assert.That(ForceTime.Immediate.Text, Is.EqualTo("IMMED"));
        Assert.That(ForceTime.Within(1).Text, Is.EqualTo("WITHIN 1"));
        Assert.That(ForceTime.Within(65535).Text, Is.EqualTo("WITHIN 65535"));
        Assert.That(ForceTime.By(7, 5).Text, Is.EqualTo("BY 07:05"));
        Assert.That(ForceTime.By(23, 59, 9).Text, Is.EqualTo("BY 23:59:09"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(65536)]
    public void WithinOutOfRangeThrows(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceTime.Within(seconds));

    [TestCase(24, 0, null)]
    [TestCase(-1, 0, null)]
    [TestCase(12, 60, null)]
    [TestCase(12, 0, 60)]
    public void ByOutOfRangeThrows(int h, int m, int? s) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceTime.By(h, m, s));

    [TestCase("IMMED", "IMMED")]
    [TestCase("immed", "IMMED")]
    [TestCase("  IMMED ", "IMMED")]
    [TestCase("WITHIN 1", "WITHIN 1")]
    [TestCase("within   300", "WITHIN 300")]
    [TestCase("WITHIN 65535", "WITHIN 65535")]
    [TestCase("BY 00:00", "BY 00:00")]
    [TestCase("by 9:30", "BY 09:30")]
    [TestCase("BY 23:59:59", "BY 23:59:59")]
    public void TryParseAcceptsValidText(string text, string wire)
    {
        Assert.That(ForceTime.TryParse(text, out ForceTime parsed), Is.True);
        Assert.That(parsed.Text, Is.EqualTo(wire));
    }

    [TestCase("WITHIN 0")]
    [TestCase("WITHIN 65536")]
    [TestCase("WITHIN 99999")]
    [TestCase("WITHIN -5")]
    [TestCase("WITHIN")]
    [TestCase("BY 24:00")]
    [TestCase("BY 12:60")]
    [TestCase("BY 12:00:60")]
    [TestCase("BY 1200")]
    [TestCase("IMMEDIATE")]
    [TestCase("")]
    [TestCase("WITHIN \u0663")] // ARABIC-INDIC DIGIT THREE: \d matches it, int.Parse does not
    [TestCase("BY \u0661\u0662:00")]
    public void TryParseRejectsInvalidTextWithoutThrowing(string text)
    {
        Assert.That(ForceTime.TryParse(text, out ForceTime parsed), Is.False);
        Assert.That(parsed.Text, Is.Null);
    }
}
