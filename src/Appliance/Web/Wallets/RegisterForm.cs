using Appliance.Runtime;
using Appliance.Runtime.Registration;
using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>Register one of the wallet's hotkeys in a subnet, paying the burn with the coldkey, as <c>appliance register</c> (burned_register).</summary>
public sealed class RegisterForm : SignedForm
{
    public string Hotkey { get; set; } = WalletStore.DefaultHotkey;

    public string Netuid { get; set; } = "1";

    public override RuntimeCall Call(WalletStore store) => new BurnedRegister(ParseNetuid(Netuid.Trim()), store.HotkeyAccount(Wallet, Hotkey.Trim()));
}
