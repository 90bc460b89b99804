using Appliance.Keys;
using Appliance.Primitives;

namespace Appliance.Wallets;

public sealed partial class WalletStore
{
    /// <summary>A hotkey named the way btcli's --hotkey is: an SS58 address (someone else's hotkey), or the name of one of the wallet's hotkeys.</summary>
    public AccountId HotkeyAccount(string wallet, string hotkeyOrAddress)
    {
        if (Ss58.TryDecode(hotkeyOrAddress, out var bytes, out _, out _))
        {
            return new AccountId(bytes);
        }
        using var key = OpenHotkey(wallet, hotkeyOrAddress);
        return new AccountId(key.PublicKey);
    }
}
