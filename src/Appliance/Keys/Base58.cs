using System.Numerics;

namespace Appliance.Keys;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var leadingZeros = 0;
        while (leadingZeros < data.Length && data[leadingZeros] == 0)
        {
            leadingZeros++;
        }
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var digits = new Stack<char>();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits.Push(Alphabet[(int)remainder]);
        }
        return new string('1', leadingZeros) + new string(digits.ToArray());
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
