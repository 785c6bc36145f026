using FenceZvm.Simulator;
using FenceZvm.Simulator.Faults;
using FenceZvm.Simulator.Model;
using FenceZvm.Simulator.Server;
using FenceZvm.Smapi.Functions;
using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Simulator;

[Parallelizable(ParallelScope.All)]
public sealed class SpecParsingTests
{
    [Test]
    public void FaultSpecWithEveryPart()
    {
        FaultSpec fault = FaultSpec.Parse("rc:900/99@image_deactivate#cnode1*3");

        Assert.That(fault, Is.EqualTo(new FaultSpec(FaultKind.ReturnCode, 900, 99, ImageDeactivate.Function, "CNODE1", 3)));
    }

    [TestCase("output-length-negative", -1)]
    [TestCase("output-length-zero", 0)]
    [TestCase("output-length-eleven", 11)]
    [TestCase("output-length-huge", int.MaxValue)]
    [TestCase("output-length:13", 13)]
    public void OutputLengthAliases(string spec, int declared)
    {
        Assert.That(FaultSpec.Parse(spec), Is.EqualTo(new FaultSpec(FaultKind.OutputLength, declared)));
    }

    [TestCase("explode")]
    [TestCase("delay")]
    [TestCase("delay:-5")]
    [TestCase("rc:900")]
    [TestCase("silence:3")]
    [TestCase("silence@No_Such_Function")]
    [TestCase("silence*0")]
    [TestCase("refuse@Image_Activate")]
    public void BadFaultSpecsAreOneLineErrors(string spec)
    {
        var e = Assert.Throws<SimulatorConfigException>(() => FaultSpec.Parse(spec))!;

        Assert.That(e.Message, Does.Contain(spec).And.Not.Contain("\n"));
    }

    [Test]
    public void FaultCountsRunOut()
    {
        var plan = new FaultPlan([FaultSpec.Parse("silence@Image_Activate#CNODE1*2")]);

        Assert.That(plan.TakeFor(ImageActivate.Function, "CNODE2"), Is.Null);
        Assert.That(plan.TakeFor(ImageDeactivate.Function, "CNODE1"), Is.Null);
        Assert.That(plan.TakeFor(ImageActivate.Function, "CNODE1"), Is.Not.Null);
        Assert.That(plan.TakeFor(ImageActivate.Function, "CNODE1"), Is.Not.Null);
        Assert.That(plan.TakeFor(ImageActivate.Function, "CNODE1"), Is.Null);
    }

    [TestCase("cnode1", "CNODE1", true, false)]
    [TestCase("CNODE2=off", "CNODE2", false, false)]
    [TestCase("CNODE3=on:stuck", "CNODE3", true, true)]
    public void GuestSpecs(string spec, string name, bool active, bool stuck)
    {
        Assert.That(GuestDefinition.Parse(spec), Is.EqualTo(new GuestDefinition(name, active, stuck)));
    }

    [Test]
    public void UserSpecs()
    {
        SmapiUser all = SmapiUser.Parse("fence:pw:all:all");
        SmapiUser limited = SmapiUser.Parse("ops:pw:image_status_query:cnode1,cnode2:expired");

        Assert.That(SmapiUser.Parse("fence:secret"), Is.EqualTo(new SmapiUser("FENCE", "secret")));
        Assert.That((limited.Name, limited.PasswordExpired), Is.EqualTo(("OPS", true)));
        Assert.That(limited.Functions, Is.EquivalentTo(new SmapiFunction[] { ImageStatusQuery.Function }));
        Assert.That(limited.Targets, Is.EquivalentTo(new[] { "CNODE1", "CNODE2" }));
        Assert.That((all.Functions, all.Targets), Is.EqualTo((null as IReadOnlySet<SmapiFunction>, null as IReadOnlySet<string>)));
        Assert.Throws<SimulatorConfigException>(() => SmapiUser.Parse("fence"));
        Assert.Throws<SimulatorConfigException>(() => SmapiUser.Parse("fence:pw:Image_Explode"));
    }

    [TestCase("127.0.0.1:0", "127.0.0.1:0")]
    [TestCase("[::1]:44444", "[::1]:44444")]
    [TestCase("localhost:5", "127.0.0.1:5")]
    public void ListenAddresses(string spec, string formatted)
    {
        Assert.That(ListenEndpoint.Format(ListenEndpoint.Parse(spec)), Is.EqualTo(formatted));
    }

    [TestCase("::1:0")]
    [TestCase("example.org:44444")]
    [TestCase("127.0.0.1")]
    [TestCase("127.0.0.1:70000")]
    public void BadListenAddresses(string spec)
    {
        Assert.Throws<SimulatorConfigException>(() => ListenEndpoint.Parse(spec));
    }
}
