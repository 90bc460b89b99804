using System.Text;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Tests.Support;
using Appliance.Wallets;

namespace Appliance.Tests.Wallets;

/// <summary>
/// A wallet written by the CLI on Debian's libsodium 1.0.18, before the crypto moved to NSec
/// (Fixtures/written-before-nsec/README.md says how): its keyfiles must keep opening to the same keys.
/// </summary>
public sealed class KeyfileFixtureTests
{
    private const string Password = "correct horse battery staple";
    private const string ColdkeyMnemonic = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private const string ColdkeyAddress = "5ErKjJLUyc8TTU2vNKrj5UciogZho2MDawb6nN2KG44aU1aB";
    private const string HotkeyAddress = "5Gok1hkMfJ97CDiegutZyv2tjBsekd9xKBV1gE47ETCc59fZ";
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("written before NSec");

    private readonly WalletStore _store = new(Path.Combine(AppContext.BaseDirectory, "Wallets", "Fixtures", "written-before-nsec"));

    [Fact]
    public void Keyfile_WrittenBeforeNSec_OpensWithItsPassword()
    {
        using var coldkey = _store.OpenColdkey("fixture", Password);
        using var regenerated = Ed25519KeyPair.FromSeed(Mnemonic.ToMiniSecret(ColdkeyMnemonic));

        Assert.Equal(ColdkeyAddress, Ss58.Encode(coldkey.PublicKey));
        Assert.Equal(regenerated.PublicKey, coldkey.PublicKey);
        Assert.Equal(
            "b8b492c989f67bc0e5e8876b9f6ad7500a979044a6f43a482f498273537c5b12e9d16f0d079c0cb8edca4da8c368bc815a37d31061f7d2d77c4adb60f28c0d0e",
            Hex.Of(coldkey.Sign(Message)));
    }

    [Fact]
    public void Keyfile_WrittenBeforeNSec_WrongPasswordRefusedAsWrongPassword()
    {
        var error = Assert.Throws<WalletException>(() => _store.OpenColdkey("fixture", Password + "!"));

        Assert.Equal(WalletError.WrongPassword, error.Code);
    }

    [Fact]
    public void Hotkey_WrittenBeforeNSec_OpensAndSignsAsThen()
    {
        using var hotkey = _store.OpenHotkey("fixture", "default");
        using var regenerated = Ed25519KeyPair.FromSeed(SecretUri.Parse("//Fixture//hot").DeriveSeed());

        Assert.Equal(HotkeyAddress, Ss58.Encode(hotkey.PublicKey));
        Assert.Equal(regenerated.PublicKey, hotkey.PublicKey);
        Assert.Equal(
            "872865755ad303be5d98ccf6d91548969c544bd5c829599749503de8c3042b49b62e7dfc4907433f030b0cec4448a4d122a7927f79e97d6acde91b26475a2f01",
            Hex.Of(hotkey.Sign(Message)));
    }

    [Fact]
    public void Show_WrittenBeforeNSec_BothAddresses()
    {
        var info = _store.Show("fixture");

        Assert.Equal(ColdkeyAddress, info.ColdkeyAddress);
        Assert.Equal(new HotkeyInfo("default", HotkeyAddress), Assert.Single(info.Hotkeys));
    }
}
