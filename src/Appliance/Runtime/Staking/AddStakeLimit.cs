using Appliance.Primitives;
using Appliance.Runtime.Coinbase;

namespace Appliance.Runtime.Staking;

/// <summary>
/// add_stake_limit(hotkey, netuid, amount, limit_price, allow_partial): add_stake that buys only while the
/// pool's price stays at or below the limit; without allow_partial it is all or nothing (SlippageTooHigh).
/// A dynamic chain's call.
/// </summary>
public sealed record AddStakeLimit(AccountId Hotkey, NetUid NetUid, Rao Amount, ulong LimitPrice, bool AllowPartial)
    : StakeLimitCall(Hotkey, NetUid, Amount, LimitPrice, AllowPartial)
{
    public static readonly CallInfo CallInfo = InfoFor(88, "add_stake_limit", (h, n, a, l, p) => new AddStakeLimit(h, n, a, l, p));

    public override CallInfo Info => CallInfo;

    public override DispatchError? Dispatch(DispatchContext context) => EmissionModels.IsDynamic(context.State)
        ? DynamicStaking.Add(context, Hotkey, NetUid, Amount, LimitPrice, AllowPartial, checkLimit: true)
        : DynamicStaking.ClassicChain(Info.Name);
}
