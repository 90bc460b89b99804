using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Tests.Support;

namespace Appliance.Tests.Keys;

/// <summary>
/// Substrate Ed25519 derivation of the dev phrase, cross-checked with polkadot.js's keyring (type ed25519).
/// </summary>
public sealed class SecretUriTests
{
    [Theory]
    [InlineData("//Alice", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "abf8e5bdbe30c65656c0a3cbd181ff8a56294a69dfedd27982aace4a76909115")]
    [InlineData("//Bob", "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E", "3b7b60af2abcd57ba401ab398f84f4ca54bd6b2140d2503fbcf3286535fe3ff1")]
    [InlineData("//Alice//stash", "5DdJ9KX9gm9UvZpcpY6av29Q4uzbjuHdp5zEmV6FCh2FXiBc", "0c65e5682574607b7f2d27d08684d931de41fd777367c9e90cb84afd964314c8")]
    [InlineData("//0", "5HrCphkqYygSXWt9rHebqaqbfEYekhzjyjQNjZiPxpb3XsKY", "f8dfdb0f1103d9fb2905204ac32529d5f148761c4321b2865b0a40e15be75f57")]
    [InlineData("//1", "5GPSNQk7A1k77LEzMd2r9ja1hfH6mVvUwkZt8wHRzgSELkPA", "96c891b8726cb18c781aefc082dbafcb827e16c8f18f22d461e83eabd618e780")]
    [InlineData("//hard//with spaces", "5FDj97Yz6yb8btSsiacMhVghoYxDDBELwzpJ4DSypFYogPmu", "1f893bad865517462dff48bfcc1dc04b506ee63eef910fa63cd2a3e978c794f3")]
    [InlineData("//a-very-long-junction-name-that-exceeds-thirty-two-bytes", "5Dqge6QbYMr9qrFQ8esGHSs8qifpUScp9RjCnLHCpy1WooiU", "e3bd8ca1b32de2aac459a848da9fc08664cef9b01727593ad57a65824919efe7")]
    [InlineData(DevAccounts.DevPhrase, "5DFJF7tY4bpbpcKPJcBTQaKuCDEPCpiz8TRjpmLeTtweqmXL", "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e")]
    [InlineData(DevAccounts.DevPhrase + "///pw", "5CrqGovB7j6jFDdAwuNy3vQCmJ4cegjAU5ZAJ1kMCqwob3Cx", "a1a8f79db9a9554ed446fd97c5c65c19cb36bf80d069872a1736fbd07933da3f")]
    [InlineData("margin solution view actual bind rich goddess fatigue melt brave what mutual//Alice", "5FAfJe9KWvLQZeK64L9duGrG44tipHDTAMZBSpD5qfKiyzxB", null)]
    public void DeriveSeed_MatchesSubstrate(string uri, string address, string? seed)
    {
        var derived = SecretUri.Parse(uri).DeriveSeed();
        using var key = Ed25519KeyPair.FromSeed(derived);

        Assert.Equal(address, Ss58.Encode(key.PublicKey));
        if (seed is not null)
        {
            Assert.Equal(seed, Hex.Of(derived));
        }
    }

    [Fact]
    public void DevAlice_IsTheWellKnownEd25519Alice()
    {
        using var alice = DevAccounts.Alice();
        Assert.Equal("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", Ss58.Encode(alice.PublicKey));
    }

    [Fact]
    public void Junction_ChainCodes_FollowScaleEncoding()
    {
        Assert.Equal("14416c6963650000000000000000000000000000000000000000000000000000", Hex.Of(DeriveJunction.Parse("Alice", true).ChainCode));
        Assert.Equal("0100000000000000000000000000000000000000000000000000000000000000", Hex.Of(DeriveJunction.Parse("1", true).ChainCode));
        Assert.Equal("74ca7e608b7a80eae4c204dfaa130780454a6b8131f338c8835eb50e0cd9534d",
            Hex.Of(DeriveJunction.Parse("a-very-long-junction-name-that-exceeds-thirty-two-bytes", true).ChainCode));
    }

    [Fact]
    public void NumericJunction_WithPlusSign_IsTheNumberAsInRust()
    {
        Assert.Equal(SecretUri.Parse("//1").DeriveSeed(), SecretUri.Parse("//+1").DeriveSeed());
    }

    [Fact]
    public void HexSeed_WithJunction_Derives()
    {
        var fromHex = SecretUri.Parse("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e//Alice").DeriveSeed();
        Assert.Equal("abf8e5bdbe30c65656c0a3cbd181ff8a56294a69dfedd27982aace4a76909115", Hex.Of(fromHex));
    }

    [Theory]
    [InlineData("//Alice/soft", "SoftDerivationUnsupported")]
    [InlineData("0x1234//Alice", "InvalidSecretUri")]
    [InlineData("not a real phrase at all//Alice", "InvalidMnemonic")]
    public void DeriveSeed_BadUri_NamesTheProblem(string uri, string code)
    {
        var error = Assert.Throws<FormatException>(() => SecretUri.Parse(uri).DeriveSeed());
        Assert.StartsWith(code + ":", error.Message);
    }
}
