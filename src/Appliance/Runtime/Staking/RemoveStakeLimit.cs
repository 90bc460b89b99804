using Appliance.Primitives;
using Appliance.Runtime.Coinbase;

namespace Appliance.Runtime.Staking;

/// <summary>
/// remove_stake_limit(hotkey, netuid, amount, limit_price, allow_partial): remove_stake that sells only while
/// the pool's price stays at or above the limit. As in subtensor it neither waits for start_call nor caps the
/// amount at the stake. A dynamic chain's call.
/// </summary>
public sealed record RemoveStakeLimit(AccountId Hotkey, NetUid NetUid, Rao Amount, ulong LimitPrice, bool AllowPartial)
    : StakeLimitCall(Hotkey, NetUid, Amount, LimitPrice, AllowPartial)
{
    public static readonly CallInfo CallInfo = InfoFor(89, "remove_stake_limit", (h, n, a, l, p) => new RemoveStakeLimit(h, n, a, l, p));

    public override CallInfo Info => CallInfo;

    public override DispatchError? Dispatch(DispatchContext context) => EmissionModels.IsDynamic(context.State)
        ? DynamicStaking.RemoveUpTo(context, Hotkey, NetUid, Amount, LimitPrice, AllowPartial, checkLimit: true)
        : DynamicStaking.ClassicChain(Info.Name);
}
