using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Processing;
using FenceZvm.Smapi;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;
using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Simulator;

/// <summary>
/// Every SMAPI function type is registered once (in SmapiFunctions.All) and is served by the simulator: a function the simulator
/// forgot would be answered "function does not exist" (RC 900 RS 12).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EveryFunctionTests
{
    private static IEnumerable<SmapiFunction> Functions() => SmapiFunctions.All;

    [Test]
    public void EveryFunctionTypeIsRegisteredOnceAndEveryNameIsFound()
    {
#pragma warning disable IL2026 // the test assembly is never trimmed
        Type[] types = [.. typeof(SmapiFunction).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SmapiFunction)) && !t.IsAbstract)];
#pragma warning restore IL2026
        Assert.That(SmapiFunctions.All.Select(f => f.GetType()), Is.EquivalentTo(types));
        Assert.That(SmapiFunctions.All.Select(f => f.Name), Is.Unique);
        foreach (SmapiFunction function in SmapiFunctions.All)
        {
            Assert.That(SmapiFunctions.TryGet(function.Name, out SmapiFunction found) ? found : null, Is.SameAs(function), function.Name);
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void TheSimulatorServesIt(SmapiFunction function)
    {
        using var system = new ZvmSystem([GuestDefinition.Parse("CNODE1=on")], [SmapiUser.Parse("FENCE:secret")]);
        var processor = new SmapiProcessor(system, TextCodecs.Ascii, new ResponseStore());
        DecodedRequest request = RequestDecoder.DecodeFrame(RequestFramer.ToArray(AnyRequest(function), TextCodecs.Ascii), TextCodecs.Ascii);

        ProcessedResponse answer = processor.Process(request);

        Assert.That(
            (answer.ReturnCode, answer.ReasonCode),
            Is.Not.EqualTo((ReturnCodes.ServerError, ReturnCodes.RsFunctionNotValid)),
            ReturnCodes.Format(function, answer.ReturnCode, answer.ReasonCode));
    }

    [Test]
    public void OnlyTheImageOperationsChangeState() =>
        Assert.That(
            SmapiFunctions.All.Where(f => f.ChangesState),
            Is.EquivalentTo(new SmapiFunction[] { ImageActivate.Function, ImageDeactivate.Function, ImageRecycle.Function }));

    /// <summary>A well-formed request to any function, built from its layout alone.</summary>
    private static SmapiRequest AnyRequest(SmapiFunction function)
    {
        RequestParameter[] extras = function.Extras.Select(kind => kind switch
        {
            ParameterKind.Text => RequestParameter.OfText(string.Empty),
            ParameterKind.Int32 => RequestParameter.OfInt32(1),
            _ => RequestParameter.OfByte(ImageQueryActivateTime.IsoDateFormat),
        }).ToArray();
        return new SmapiRequest(function, new SmapiCredentials("FENCE", "secret"), function.HasTarget ? "CNODE1" : null, extras);
    }
}
