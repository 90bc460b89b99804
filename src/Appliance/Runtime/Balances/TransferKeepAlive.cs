using Appliance.Primitives;

namespace Appliance.Runtime.Balances;

/// <summary>pallet_balances::transfer_keep_alive(dest, value): refused if it would reap the sender.</summary>
public sealed record TransferKeepAlive(AccountId Dest, Rao Value) : BalanceTransfer(Dest, Value)
{
    public static readonly CallInfo CallInfo = InfoFor(3, "transfer_keep_alive", (dest, value) => new TransferKeepAlive(dest, value));

    public override CallInfo Info => CallInfo;

    public override DispatchError? Dispatch(DispatchContext context) => BalancesModule.Transfer(context, Dest, Value, keepAlive: true);
}
