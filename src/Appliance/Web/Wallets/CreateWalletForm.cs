using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>A new wallet's name, first hotkey and password (typed twice), as <c>appliance wallet create</c> asks for them.</summary>
public sealed class CreateWalletForm
{
    public string Name { get; set; } = "";

    public string Hotkey { get; set; } = WalletStore.DefaultHotkey;

    public string Password { get; set; } = "";

    public string Password2 { get; set; } = "";

    /// <summary>
    /// Takes the inputs (clearing the passwords from the form) on the caller's thread and returns the work that
    /// checks the password and makes the wallet, which may then run elsewhere without reading the form again.
    /// </summary>
    public Func<NewWallet> Take(WalletStore store)
    {
        var (name, hotkey, password, retyped) = (Name.Trim(), Hotkey.Trim(), Password, Password2);
        (Password, Password2) = ("", "");
        return () => NewWallet.Create(store, name, hotkey, NewPassword.Check(password, retyped));
    }
}
