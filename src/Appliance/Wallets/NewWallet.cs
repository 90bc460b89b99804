using Appliance.Crypto;
using Appliance.Keys;

namespace Appliance.Wallets;

/// <summary>
/// A wallet just made from two fresh BIP39 mnemonics: an encrypted coldkey and its first hotkey. The phrases
/// are handed back once for the user to write down; <c>wallet create</c>, <c>up</c> and the UI all make wallets here.
/// </summary>
public sealed record NewWallet(WalletInfo Info, string ColdkeyMnemonic, string HotkeyMnemonic)
{
    public static NewWallet Create(WalletStore store, string name, string hotkey, string password, int words = 12)
    {
        store.CheckNew(name, hotkey);
        var coldPhrase = Mnemonic.Generate(words);
        var hotPhrase = Mnemonic.Generate(words);
        using var coldkey = Ed25519KeyPair.FromSeed(Mnemonic.ToMiniSecret(coldPhrase));
        using var hotkeyPair = Ed25519KeyPair.FromSeed(Mnemonic.ToMiniSecret(hotPhrase));
        store.WriteColdkey(name, coldkey, coldPhrase, password, overwrite: false);
        var info = store.WriteHotkey(name, hotkey, hotkeyPair, hotPhrase, overwrite: false);
        return new NewWallet(info, coldPhrase, hotPhrase);
    }
}
