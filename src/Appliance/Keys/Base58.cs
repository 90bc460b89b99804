using System.Numerics;

namespace Appliance.Keys;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>
    /// Schoolbook base conversion on base-58 digits held in bytes (least significant first): a metagraph
    /// encodes thousands of addresses, and a BigInteger division per digit cost most of its read.
    /// </summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var leadingZeros = 0;
        while (leadingZeros < data.Length && data[leadingZeros] == 0)
        {
            leadingZeros++;
        }
        // log(256) / log(58) < 1.37 digits per byte.
        var capacity = (data.Length - leadingZeros) * 137 / 100 + 1;
        Span<byte> digits = capacity <= 256 ? stackalloc byte[capacity] : new byte[capacity];
        var length = 0;
        foreach (var b in data[leadingZeros..])
        {
            var carry = (int)b;
            for (var i = 0; i < length; i++)
            {
                carry += digits[i] << 8;
                digits[i] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var text = new char[leadingZeros + length];
        text.AsSpan(0, leadingZeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            text[leadingZeros + i] = Alphabet[digits[length - 1 - i]];
        }
        return new string(text);
    }

    /// <summary>Decodes; returns false naming the first character outside the alphabet.</summary>
    public static bool TryDecode(string text, out byte[] data, out string? error)
    {
        data = [];
        BigInteger value = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = Alphabet.IndexOf(text[i]);
            if (digit < 0)
            {
                error = $"'{text[i]}' at position {i} is not a base58 character";
                return false;
            }
            value = value * 58 + digit;
        }
        var leadingOnes = text.TakeWhile(c => c == '1').Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        data = new byte[leadingOnes + body.Length];
        body.CopyTo(data, leadingOnes);
        error = null;
        return true;
    }
}
