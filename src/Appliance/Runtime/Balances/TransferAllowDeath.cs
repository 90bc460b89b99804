using Appliance.Primitives;

namespace Appliance.Runtime.Balances;

/// <summary>pallet_balances::transfer_allow_death(dest, value): the sender may be reaped.</summary>
public sealed record TransferAllowDeath(AccountId Dest, Rao Value) : BalanceTransfer(Dest, Value)
{
    public static readonly CallInfo CallInfo = InfoFor(0, "transfer_allow_death", (dest, value) => new TransferAllowDeath(dest, value));

    public override CallInfo Info => CallInfo;

    public override DispatchError? Dispatch(DispatchContext context) => BalancesModule.Transfer(context, Dest, Value, keepAlive: false);
}
