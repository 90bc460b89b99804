using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Tests.Support;
using CsCheck;

namespace Appliance.Tests.Keys;

/// <summary>
/// Addresses cross-checked with polkadot.js (@polkadot/util-crypto 14.0.3 encodeAddress), and random ids
/// and prefixes against the format written out with arrays and a BigInteger base58.
/// </summary>
public sealed class Ss58Tests
{
    /// <summary>base58(prefix ‖ id ‖ BLAKE2b-512("SS58PRE" ‖ prefix ‖ id)[..2]), the prefix in one byte below 64.</summary>
    private static string ReferenceEncode(byte[] accountId, ushort prefix)
    {
        byte[] prefixBytes = prefix < 64
            ? [(byte)prefix]
            : [(byte)(((prefix & 0b1111_1100) >> 2) | 0b0100_0000), (byte)((prefix >> 8) | ((prefix & 0b11) << 6))];
        byte[] payload = [.. prefixBytes, .. accountId];
        var checksum = Blake2b.Hash512([.. "SS58PRE"u8, .. payload]).AsSpan(0, 2);
        return Base58Tests.ReferenceEncode([.. payload, .. checksum]);
    }

    [Fact]
    public void Encode_RandomIdsAndPrefixes_EqualsReference_AndRoundTrips()
    {
        Gen.Select(Gen.Byte.Array[Ss58.AccountIdSize], Gen.Int[0, 16383]).Sample((accountId, prefixValue) =>
        {
            var prefix = (ushort)prefixValue;

            var address = Ss58.Encode(accountId, prefix);

            Assert.Equal(ReferenceEncode(accountId, prefix), address);
            Assert.Equal(accountId, Ss58.Decode(address, out var decodedPrefix));
            Assert.Equal(prefix, decodedPrefix);
        }, iter: 5_000);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void Encode_WrongIdLength_Rejected(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => Ss58.Encode(new byte[length]));
        Assert.Equal($"An account id is 32 bytes, got {length}. (Parameter 'accountId')", error.Message);
    }

    [Fact]
    public void Encode_PrefixAbove16383_Rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ss58.Encode(new byte[32], 16384));
        Assert.StartsWith("SS58 prefixes are 0 to 16383.", error.Message);
    }

    [Theory]
    [InlineData(42, 0x00, "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM")]
    [InlineData(42, 0xff, "5HrN7fHLXWcFiXPwwtq2EkSGns9eMt5P7SpeTPewumZy6ftb")]
    [InlineData(0, 0x00, "111111111111111111111111111111111HC1")]
    [InlineData(0, 0xff, "16nfFzYQPHsjA4QTuXt2NuGReV9J4BdXBwZ8cgeJTrbVH61f")]
    [InlineData(2, 0x00, "CaKWz5omakTK7ovp4m3koXrHyHb7NG3Nt7GENHbviByZpKp")]
    [InlineData(2, 0xff, "JMymydD9sdBUBDPibe58hoGwTRtAYtZZpfPr3vuPZnTqtie")]
    [InlineData(255, 0x00, "yGCjWUS4Y1wwGrhQ82uMnDnY7VmhbvfXDyvcwaFfjZXFpyjCq")]
    [InlineData(255, 0xff, "yGJXAjRbwQEp11koawSEobgoY9Fqtyr9kAsB5BwK32NrKFcV5")]
    public void Encode_KnownKeys_MatchPolkadotJs_AndRoundTrip(ushort prefix, byte fill, string expected)
    {
        var accountId = Enumerable.Repeat(fill, 32).ToArray();

        var address = Ss58.Encode(accountId, prefix);

        Assert.Equal(expected, address);
        Assert.Equal(accountId, Ss58.Decode(address, out var decodedPrefix));
        Assert.Equal(prefix, decodedPrefix);
    }

    [Fact]
    public void Decode_Alice_GivesHerPublicKey()
    {
        Assert.Equal(
            "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
            Hex.Of(Ss58.Decode("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu")));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(47)]
    public void Decode_FlippedCharacter_RejectedForChecksum(int position)
    {
        const string alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
        var chars = alice.ToCharArray();
        chars[position] = chars[position] == 'a' ? 'b' : 'a';

        Assert.False(Ss58.TryDecode(new string(chars), out _, out _, out var error));
        Assert.Contains("checksum", error);
    }

    [Fact]
    public void Decode_WrongLength_NamesLength()
    {
        var shortAddress = Base58.Encode(new byte[20]);
        var error = Assert.Throws<FormatException>(() => Ss58.Decode(shortAddress));
        Assert.Contains("decodes to 20 bytes", error.Message);
    }

    [Theory]
    [InlineData("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTp0", "'0'")]
    [InlineData("", "empty")]
    public void Decode_NotBase58_Rejected(string address, string mention)
    {
        Assert.False(Ss58.TryDecode(address, out _, out _, out var error));
        Assert.Contains(mention, error);
    }
}
