using Appliance.Keys;

namespace Appliance.Tests.Keys;

/// <summary>Bitcoin's base58 encode vectors (bitcoin/src/test/data/base58_encode_decode.json).</summary>
public sealed class Base58Tests
{
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
