using Appliance.Keys;
using Appliance.Tests.Support;

namespace Appliance.Tests.Keys;

/// <summary>Expected values computed with polkadot.js (mnemonicToEntropy, mnemonicToMiniSecret).</summary>
public sealed class MnemonicTests
{
    [Fact]
    public void ToEntropy_DevPhrase_KnownEntropy()
    {
        Assert.Equal("1a486a5fbe53639984cb64b070755f7b", Hex.Of(Mnemonic.ToEntropy(DevAccounts.DevPhrase)));
        Assert.Equal(DevAccounts.DevPhrase, Mnemonic.FromEntropy(Hex.Bytes("1a486a5fbe53639984cb64b070755f7b")));
    }

    [Theory]
    [InlineData(DevAccounts.DevPhrase, "", "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e")]
    [InlineData(DevAccounts.DevPhrase, "pw", "a1a8f79db9a9554ed446fd97c5c65c19cb36bf80d069872a1736fbd07933da3f")]
    [InlineData("margin solution view actual bind rich goddess fatigue melt brave what mutual", "",
        "563fcf1ca3c8ef8dc4cb2e411bbe478fad0bedc9802355936235ab77fe5c9145")]
    [InlineData("museum inch always inhale ozone humor gate vote panic plunge crouch liar reopen key check suspect grace cool enlist author rich dose fragile concert", "",
        "18e54f04e2856e93436bc00f44b325f9152f294d22ce4a72f29ea27367774c5d")]
    public void ToMiniSecret_MatchesSubstrateBip39(string phrase, string password, string expected)
    {
        Assert.Equal(expected, Hex.Of(Mnemonic.ToMiniSecret(phrase, password)));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(24)]
    public void Generate_GivesValidPhraseThatRoundTripsThroughEntropy(int words)
    {
        var phrase = Mnemonic.Generate(words);

        Assert.Equal(words, phrase.Split(' ').Length);
        Assert.Equal(phrase, Mnemonic.FromEntropy(Mnemonic.ToEntropy(phrase)));
        Assert.NotEqual(phrase, Mnemonic.Generate(words));
    }

    [Theory]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit fit", "checksum")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit wlak", "word 12 'wlak'")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit", "got 11")]
    public void ToEntropy_BadPhrase_NamesTheProblem(string phrase, string mention)
    {
        var error = Assert.Throws<FormatException>(() => Mnemonic.ToEntropy(phrase));
        Assert.StartsWith("InvalidMnemonic:", error.Message);
        Assert.Contains(mention, error.Message);
    }
}
