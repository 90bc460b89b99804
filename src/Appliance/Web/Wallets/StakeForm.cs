using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Staking;
using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>Stake onto a hotkey or take stake back, as <c>appliance stake add|remove</c>: the hotkey is one of the wallet's, or any SS58 address.</summary>
public sealed class StakeForm : SignedForm
{
    public string Hotkey { get; set; } = WalletStore.DefaultHotkey;

    public string Netuid { get; set; } = "1";

    public string Amount { get; set; } = "";

    public bool Add { get; set; } = true;

    public override RuntimeCall Call(WalletStore store)
    {
        var netuid = ParseNetuid(Netuid.Trim());
        var amount = Rao.ParseTao(Amount.Trim());
        var hotkey = store.HotkeyAccount(Wallet, Hotkey.Trim());
        return Add ? new AddStake(hotkey, netuid, amount) : new RemoveStake(hotkey, netuid, amount);
    }
}
