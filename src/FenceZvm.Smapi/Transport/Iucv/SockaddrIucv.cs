namespace FenceZvm.Smapi.Transport.Iucv;

/// <summary>
/// The 32-byte <c>struct sockaddr_iucv</c> of a connect to a SMAPI IUCV server (spec 1.2): family
/// AF_IUCV in host order, port and address 0, node id eight blanks (the kernel ignores it, S8),
/// the server's user id blank-padded and upper-cased (no NUL), application <c>DMSRSRQU</c>.
/// Strings are ASCII: the kernel translates them to EBCDIC.
/// </summary>
public static class SockaddrIucv
{
    public const int Size = 32;
    public const ushort AfIucv = 32;
    public const int MaxUserIdLength = 8;
    public const string Application = "DMSRSRQU";

    /// <summary>Null when <paramref name="userId"/> can name a z/VM user, else why not.</summary>
    public static string? Check(string userId)
    {
        if (userId.Length == 0)
        {
            return "the SMAPI server name is empty";
        }

        if (userId.Length > MaxUserIdLength)
        {
            return $"the SMAPI server name '{userId}' is longer than {MaxUserIdLength} characters";
        }

        return userId.Any(c => c is <= ' ' or > '~')
            ? $"the SMAPI server name '{userId}' contains a blank, a control or a non-ASCII character"
            : null;
    }

    /// <exception cref="ArgumentException">The name fails <see cref="Check"/>.</exception>
    public static byte[] Build(string userId)
    {
        if (Check(userId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(userId));
        }

        byte[] address = new byte[Size];
        BitConverter.TryWriteBytes(address.AsSpan(0, 2), AfIucv); // sa_family_t: host order
        Blank(address.AsSpan(8, 8), string.Empty);
        Blank(address.AsSpan(16, 8), userId.ToUpperInvariant());
        Blank(address.AsSpan(24, 8), Application);
        return address;
    }

    private static void Blank(Span<byte> field, string text)
    {
        field.Fill((byte)' ');
        for (int i = 0; i < text.Length; i++)
        {
            field[i] = (byte)text[i];
        }
    }
}
