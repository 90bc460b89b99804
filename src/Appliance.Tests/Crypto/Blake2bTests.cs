using System.Text;
using Appliance.Crypto;
using Appliance.Tests.Support;

namespace Appliance.Tests.Crypto;

public sealed class Blake2bTests
{
    [Fact]
    public void Hash512_Rfc7693AppendixA_Abc()
    {
        Assert.Equal(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            Hex.Of(Blake2b.Hash512(Encoding.ASCII.GetBytes("abc"))));
    }

    [Fact]
    public void Hash256_EmptyInput_KnownDigest()
    {
        Assert.Equal("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8", Hex.Of(Blake2b.Hash256([])));
    }

    [Fact]
    public void Hash_Keyed_MatchesReferenceKnownAnswer()
    {
        // blake2b-kat.txt of the BLAKE2 reference implementation: empty input, key 00..3f.
        var key = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        Assert.Equal(
            "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568",
            Hex.Of(Blake2b.Hash([], 64, key)));
    }

    [Theory]
    [InlineData(1, "", "6b")]
    [InlineData(8, "", "d8bb14d833d59559")]
    [InlineData(20, "", "384264f676f39536840523f284921cdc68b6846b")]
    public void Hash_AnyOutputLength_MatchesPythonHashlib(int size, string key, string expected)
    {
        Assert.Equal(expected, Hex.Of(Blake2b.Hash("abc"u8, size, Encoding.ASCII.GetBytes(key))));
    }

    [Fact]
    public void Hash_ShortKey_MatchesPythonHashlib()
    {
        Assert.Equal("56836a5a", Hex.Of(Blake2b.Hash([], 4, "k"u8)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Hash_OutputLengthOutOfRange_Rejected(int size)
    {
        var error = Assert.Throws<ArgumentException>(() => Blake2b.Hash("abc"u8, size));
        Assert.Contains("1 to 64", error.Message);
    }
}
