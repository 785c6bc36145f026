using System.Buffers.Binary;
using System.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// What the NativeAOT image's start-up costs depends on what it holds, and both can be read from the file
/// without timing anything: the pointers the dynamic loader must rewrite at every start (the price of PIE,
/// which distribution policy requires: see src/fence-zvm/fence-zvm.csproj), and whether the HTTP client
/// (kept out by src/fence-zvm/ILLink.Substitutions.xml) came back in.
/// </summary>
public sealed class NativeImageTests
{
    private const ushort PositionIndependent = 3; // ET_DYN; an image linked at a fixed address is ET_EXEC (2)

    /// <summary>
    /// About 52,800 when PIE came back (2026-12): each is a pointer ld.so rewrites before main, so a budget
    /// notices an image that grows in what start-up costs.
    /// </summary>
    private const long RelocationBudget = 60_000;

    private static string Agent => RepoPaths.Binary("fence_zvmip");

    [TestCase("fence_zvmip")]
    [TestCase("smapi-sim")]
    public void TheImageIsAPositionIndependentExecutable(string program)
    {
        byte[] image = File.ReadAllBytes(RepoPaths.Binary(program));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(16)), Is.EqualTo(PositionIndependent), "ELF type");
    }

    [Test]
    public void TheRelocationsTheLoaderAppliesAtEveryStart_StayWithinTheirBudget()
    {
        long relocations = DynamicRelocations(File.ReadAllBytes(Agent));

        Assert.That(relocations, Is.GreaterThan(0), "a PIE image has relocations: is .rela.dyn still found?");
        Assert.That(relocations, Is.LessThan(RelocationBudget));
    }

    [Test]
    public void TheHttpClientIsNotInTheImage()
    {
        byte[] image = File.ReadAllBytes(Agent);
        Assert.That(image.AsSpan().IndexOf("System.Net.Http.dll"u8), Is.EqualTo(-1));
    }

    /// <summary>Entries of .rela.dyn: the relocations ld.so applies before main (64-bit little-endian ELF).</summary>
    private static long DynamicRelocations(byte[] image)
    {
        ReadOnlySpan<byte> elf = image;
        long sectionTable = BinaryPrimitives.ReadInt64LittleEndian(elf[0x28..]);
        int sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        int sections = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        int namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3E..]);
        ReadOnlySpan<byte> namesHeader = elf.Slice((int)(sectionTable + (namesIndex * sectionSize)), sectionSize);
        long names = BinaryPrimitives.ReadInt64LittleEndian(namesHeader[0x18..]);
        for (int i = 0; i < sections; i++)
        {
            ReadOnlySpan<byte> header = elf.Slice((int)(sectionTable + (i * sectionSize)), sectionSize);
            int nameOffset = (int)(names + BinaryPrimitives.ReadUInt32LittleEndian(header));
            int nameLength = elf[nameOffset..].IndexOf((byte)0);
            if (Encoding.ASCII.GetString(elf.Slice(nameOffset, nameLength)) == ".rela.dyn")
            {
                return BinaryPrimitives.ReadInt64LittleEndian(header[0x20..]) / BinaryPrimitives.ReadInt64LittleEndian(header[0x38..]);
            }
        }

        return 0;
    }
}
