using FenceZvm.Smapi.Text;
using NUnit.Framework;

namespace FenceZvm.Tests.Smapi;

public class TextCodecsTests
{
    [TestCase("ascii", "ascii")]
    [TestCase("ASCII", "ascii")]
    [TestCase("ebcdic", "ebcdic")]
    [TestCase("EBCDIC", "ebcdic")]
    [TestCase("ibm-1047", "ebcdic")]
    [TestCase("IBM1047", "ebcdic")]
    [TestCase("cp1047", "ebcdic")]
    public void KnownNames(string name, string codecName)
    {
        Assert.That(TextCodecs.TryGet(name, out ITextCodec codec), Is.True);
        Assert.That(codec.Name, Is.EqualTo(codecName));
        Assert.That(codec, Is.SameAs(codecName == "ascii" ? TextCodecs.Ascii : TextCodecs.Ebcdic));
    }

    [TestCase("utf-8")]
    [TestCase("cp037")]
    [TestCase("")]
    public void UnknownNames(string name) =>
        Assert.That(TextCodecs.TryGet(name, out _), Is.False);

    [Test]
    public void NamesListsTheCommandLineNames() =>
        Assert.That(TextCodecs.Names, Is.EqualTo(new[] { "ascii", "ebcdic" }));
}
