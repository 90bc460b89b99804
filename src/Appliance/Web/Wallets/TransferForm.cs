using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>Transfer TAO from the wallet's coldkey, as <c>appliance transfer</c> does (transfer_allow_death).</summary>
public sealed class TransferForm : SignedForm
{
    public string To { get; set; } = "";

    public string Amount { get; set; } = "";

    public override RuntimeCall Call(WalletStore store) => new TransferAllowDeath(AccountId.Parse(To.Trim()), Rao.ParseTao(Amount.Trim()));
}
