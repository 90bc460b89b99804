using System.Numerics;
using System.Text;
using Appliance.Keys;
using CsCheck;

namespace Appliance.Tests.Keys;

/// <summary>
/// Bitcoin's base58 encode vectors (bitcoin/src/test/data/base58_encode_decode.json), and the limb encoder
/// against a BigInteger one on random inputs.
/// </summary>
public sealed class Base58Tests
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Random bytes of a random length, whose first 0 to all bytes are zero.</summary>
    private static Gen<byte[]> Inputs(int minLength, int maxLength) =>
        Gen.Int[minLength, maxLength].SelectMany(length => Gen.Select(Gen.Int[0, length], Gen.Byte.Array[length], (zeros, bytes) =>
        {
            bytes.AsSpan(0, zeros).Clear();
            return bytes;
        }));

    /// <summary>One digit per BigInteger division, and a '1' per leading zero byte.</summary>
    internal static string ReferenceEncode(byte[] data)
    {
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (!value.IsZero)
        {
            value = BigInteger.DivRem(value, 58, out var digit);
            digits.Insert(0, Alphabet[(int)digit]);
        }
        return new string('1', data.TakeWhile(b => b == 0).Count()) + digits;
    }

    [Fact]
    public void Encode_RandomInputs_EqualsBigIntegerReference_AndRoundTrips()
    {
        Inputs(0, 80).Sample(data =>
        {
            var text = Base58.Encode(data);
            Assert.Equal(ReferenceEncode(data), text);
            Assert.True(Base58.TryDecode(text, out var decoded, out _));
            Assert.Equal(data, decoded);
        }, iter: 20_000);
    }

    [Fact]
    public void Encode_LongInputs_BeyondTheStackBuffers_EqualsBigIntegerReference()
    {
        Inputs(200, 600).Sample(data => Assert.Equal(ReferenceEncode(data), Base58.Encode(data)), iter: 300);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(300)]
    public void Encode_AllZero_IsOneOnePerByte(int length)
    {
        Assert.Equal(new string('1', length), Base58.Encode(new byte[length]));
    }

    [Theory]
    [InlineData("271f359f", "zzzzz")]
    [InlineData("0000271f35a0", "11211111")]
    [InlineData("ffffffff", "7YXq9G")]
    [InlineData("00ffffffffff", "1VtB5VXc")]
    public void Encode_LimbAndChunkEdges_EqualsBigIntegerReference(string hex, string expected)
    {
        var data = Convert.FromHexString(hex);

        Assert.Equal(expected, ReferenceEncode(data));
        Assert.Equal(expected, Base58.Encode(data));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("bf4f89001e670274dd", "3SEo3LWLoPntC")]
    [InlineData("572e4794", "3EFU7m")]
    [InlineData("ecac89cad93923c02321", "EJDM8drfXA6uyA")]
    [InlineData("10c8511e", "Rt5zm")]
    [InlineData("00000000000000000000", "1111111111")]
    public void Encode_BitcoinVectors_MatchAndRoundTrip(string hex, string expected)
    {
        var data = Convert.FromHexString(hex);

        Assert.Equal(expected, Base58.Encode(data));
        Assert.True(Base58.TryDecode(expected, out var decoded, out _));
        Assert.Equal(data, decoded);
    }
}
