using System.Text;
using Appliance.Crypto;

namespace Appliance.Keys;

/// <summary>
/// One step of a Substrate derivation path (sp-core's DeriveJunction): the junction text is SCALE-encoded
/// (a number as u64 little-endian, anything else as a length-prefixed UTF-8 string), zero-padded to a
/// 32-byte chain code, or BLAKE2b-256-hashed when longer. "//x" is hard, "/x" soft.
/// </summary>
public readonly record struct DeriveJunction(byte[] ChainCode, bool IsHard)
{
    public const int ChainCodeSize = 32;

    public static DeriveJunction Parse(string code, bool isHard)
    {
        var digits = code.StartsWith('+') ? code[1..] : code;
        var encoded = ulong.TryParse(digits, System.Globalization.NumberStyles.None, null, out var number)
            ? BitConverter.GetBytes(number)
            : EncodeString(code);
        var chainCode = encoded.Length > ChainCodeSize ? Blake2b.Hash256(encoded) : Pad(encoded);
        return new DeriveJunction(chainCode, isHard);
    }

    private static byte[] EncodeString(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return [.. CompactLength(bytes.Length), .. bytes];
    }

    private static byte[] Pad(byte[] encoded)
    {
        var chainCode = new byte[ChainCodeSize];
        encoded.CopyTo(chainCode, 0);
        return chainCode;
    }

    /// <summary>SCALE's compact length prefix, for the sizes a junction can have.</summary>
    internal static byte[] CompactLength(int length) => length switch
    {
        < 64 => [(byte)(length << 2)],
        < 16384 => BitConverter.GetBytes((ushort)((length << 2) | 0b01)),
        _ => BitConverter.GetBytes((uint)((length << 2) | 0b10)),
    };
}
