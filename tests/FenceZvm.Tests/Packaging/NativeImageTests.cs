using System.Buffers.Binary;
using System.Text;
using FenceZvm.Tests.Support;

namespace FenceZvm.Tests.Packaging;

/// <summary>
/// What the NativeAOT image's start-up costs depends on what it holds, and both can be read from the file
/// without timing anything: the pointers the dynamic loader must rewrite at every start, and whether
/// the HTTP client (kept out by src/fence-zvm/ILLink.Substitutions.xml) came back in.
/// </summary>
public sealed class NativeImageTests
{
    private const ushort ExecutableAtFixedAddress = 2; // ET_EXEC; a position-independent image is ET_DYN (3)

    private static string Agent => RepoPaths.Binary("fence_zvmip");

    [Test]
    public void TheAgentIsLinkedAtAFixedAddress_SoTheLoaderRewritesAlmostNothing()
    {
        byte[] image = File.ReadAllBytes(Agent);
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(16)), Is.EqualTo(ExecutableAtFixedAddress), "ELF type");

        // A position-independent build of the same code holds about 54,000 of them.
        Assert.That(DynamicRelocations(image), Is.LessThan(100));
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
