using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>A new wallet's name, first hotkey and password (typed twice), as <c>appliance wallet create</c> asks for them.</summary>
public sealed class CreateWalletForm
{
    public string Name { get; set; } = "";

    public string Hotkey { get; set; } = WalletStore.DefaultHotkey;

    public string Password { get; set; } = "";

    public string Password2 { get; set; } = "";

    /// <summary>Checks the password, then makes the wallet; the passwords are cleared from the form either way.</summary>
    public NewWallet Create(WalletStore store)
    {
        var (password, retyped) = (Password, Password2);
        (Password, Password2) = ("", "");
        return NewWallet.Create(store, Name.Trim(), Hotkey.Trim(), NewPassword.Check(password, retyped));
    }
}
