using FenceZvm.Smapi.Protocol;

namespace FenceZvm.Tests.Smapi;

public sealed class GuestNameTests
{
    [TestCase("", GuestNameProblem.Empty)]
    [TestCase("LINUX012", GuestNameProblem.None)]
    [TestCase("LINUX0123", GuestNameProblem.TooLong)]
    [TestCase("LIN UX", GuestNameProblem.BadCharacter)]
    [TestCase("LIN\tUX", GuestNameProblem.BadCharacter)]
    [TestCase("LINÜX", GuestNameProblem.BadCharacter)]
    [TestCase("!~$#@", GuestNameProblem.None)]
    public void CheckNamesTheFirstProblem(string text, GuestNameProblem problem) =>
        Assert.That(GuestName.Check(text), Is.EqualTo(problem));

    [Test]
    public void TooLongIsToldBeforeABadCharacter() =>
        Assert.That(GuestName.Check("A B C D E"), Is.EqualTo(GuestNameProblem.TooLong));

    [Test]
    public void ANameIsUpperCaseWhateverCaseItWasWrittenIn()
    {
        GuestName name = GuestName.Of("cNode1");

        Assert.That((name.Value, name.ToString(), (string)name), Is.EqualTo(("CNODE1", "CNODE1", "CNODE1")));
        Assert.That(name, Is.EqualTo(GuestName.Of("CNODE1")));
    }

    [TestCase("")]
    [TestCase("LINUX0123")]
    [TestCase("LIN UX")]
    public void ATextThatIsNoGuestNameIsRefused(string text) =>
        Assert.Throws<ArgumentException>(() => GuestName.Of(text));
}
