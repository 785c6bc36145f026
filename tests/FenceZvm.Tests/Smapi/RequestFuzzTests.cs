using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using FenceZvm.Smapi.Trace;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

/// <summary>
/// Deterministic fuzzing of the server side reader and the request trace: a mangled request is
/// refused with a SmapiRequestDecodeException, and the trace never throws nor shows the password.
/// </summary>
public class RequestFuzzTests
{
    private const string Password = "Zq7Xw9Kp";

    [Test]
    public void DecoderRefusesOnlyWithRcAndRs()
    {
        var random = new Random(1047);
        var credentials = new SmapiCredentials("FENCEUSR", Password);
        SmapiRequest[] requests =
        [
            ImageDeactivate.Function.Request(credentials, "LINUX01", ForceTime.Within(90)),
            CheckAuthentication.Function.Request(credentials),
            ResponseRecovery.Function.Request(credentials, "MAINT", 0x1234),
            ImageQueryActivateTime.Function.Request(credentials, "LINUX01"),
        ];
        for (int i = 0; i < 10_000; i++)
        {
            ITextCodec codec = random.Next(2) == 0 ? TextCodecs.Ascii : TextCodecs.Ebcdic;
            byte[] frame = RequestFramer.ToArray(requests[random.Next(requests.Length)], codec);
            int bit = random.Next(frame.Length * 8);
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
            if (random.Next(3) == 0)
            {
                frame = frame[..random.Next(frame.Length + 1)];
            }

            try
            {
                RequestDecoder.DecodeFrame(frame, codec);
            }
            catch (SmapiRequestDecodeException e)
            {
                Assert.That(e.ReturnCode, Is.EqualTo(900).Or.EqualTo(24), e.Message);
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} for {Wire.Hex(frame)}\n{e}");
            }

            foreach (string line in FrameTrace.Request(frame, codec))
            {
                Assert.That(line, Does.Not.Contain(Password));
            }
        }
    }
}
