using System.Numerics;

namespace Appliance.Keys;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>
    /// Divides the number, held as big-endian 32-bit limbs on the stack, by 58^5 at a time: every SS58 address
    /// an event or a row shows is encoded here, and BigInteger division allocated a number per digit.
    /// </summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        const uint FiveDigits = 58 * 58 * 58 * 58 * 58;
        var leadingZeros = 0;
        while (leadingZeros < data.Length && data[leadingZeros] == 0)
        {
            leadingZeros++;
        }
        var limbCount = (data.Length + 3) / 4;
        Span<uint> limbs = limbCount <= 64 ? stackalloc uint[limbCount] : new uint[limbCount];
        limbs.Clear();
        for (var i = 0; i < data.Length; i++)
        {
            var fromEnd = data.Length - 1 - i;
            limbs[limbCount - 1 - fromEnd / 4] |= (uint)data[i] << (8 * (fromEnd % 4));
        }
        // At most 1.37 base-58 digits per byte (log 256 / log 58), rounded up to whole groups of five.
        var capacity = (data.Length * 137 / 100 / 5 + 1) * 5;
        Span<byte> digits = capacity <= 512 ? stackalloc byte[capacity] : new byte[capacity];
        var used = 0;
        var first = 0;
        while (first < limbCount && limbs[first] == 0)
        {
            first++;
        }
        while (first < limbCount)
        {
            ulong remainder = 0;
            for (var i = first; i < limbCount; i++)
            {
                var current = (remainder << 32) | limbs[i];
                limbs[i] = (uint)(current / FiveDigits);
                remainder = current % FiveDigits;
            }
            while (first < limbCount && limbs[first] == 0)
            {
                first++;
            }
            for (var k = 0; k < 5; k++)
            {
                digits[used++] = (byte)(remainder % 58);
                remainder /= 58;
            }
        }
        while (used > 0 && digits[used - 1] == 0)
        {
            used--;
        }
        var length = leadingZeros + used;
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        text[..leadingZeros].Fill('1');
        for (var i = 0; i < used; i++)
        {
            text[leadingZeros + i] = Alphabet[digits[used - 1 - i]];
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
