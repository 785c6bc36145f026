using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>Image_Query_Activate_Time output: name 1..8, date 8..10, time 8.</summary>
public class ActivationTimeTests
{
    private static ActivationTime Parse(string output) =>
        ActivationTime.Parse(new SmapiResponse(1, 0, 0, Wire.Bytes(output)), TextCodecs.Ascii);

    [Test]
    public void ParsesNameDateAndTime() =>
        Assert.That(
            Parse("00000007 'LINUX01' 0000000a '2024-01-31' 00000008 '12:34:56'"),
            Is.EqualTo(new ActivationTime("LINUX01", "2024-01-31", "12:34:56")));

    [TestCase("", TestName = "no output")]
    [TestCase("00000007 'LINUX01' 00000007 '01/31/2' 00000008 '12:34:56'", TestName = "date of 7")]
    [TestCase("00000007 'LINUX01' 0000000a '2024-01-31' 00000005 '12:34'", TestName = "time of 5")]
    [TestCase("00000007 'LINUX01' 0000000a '2024-01-31'", TestName = "time missing")]
    public void MalformedOutputIsAProtocolError(string output)
    {
        var e = Assert.Throws<SmapiProtocolException>(() => Parse(output));
        Assert.That(e!.Error, Is.EqualTo(ProtocolError.MalformedOutput));
    }
}
