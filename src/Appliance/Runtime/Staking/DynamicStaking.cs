using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime.Staking;

/// <summary>The dynamic chain's do_add_stake / do_remove_stake and their limit-price variants (subtensor's add_stake.rs, remove_stake.rs).</summary>
public static class DynamicStaking
{
    /// <param name="checkLimit">add_stake_limit: the most the limit price allows is worked out first, and its errors stop the call.</param>
    public static DispatchError? Add(DispatchContext context, AccountId hotkey, NetUid netuid, Rao amount, ulong limitRao, bool allowPartial, bool checkLimit)
    {
        var state = context.State;
        if (DynamicStakeRules.WithinSwapLimitAdd(state, netuid, amount) is { } tooLarge)
        {
            return tooLarge;
        }
        var maxAmount = amount;
        if (checkLimit)
        {
            DispatchError? limitError = null;
            maxAmount = DynamicStakeRules.SubnetExists(state, netuid) ? DynamicStakeRules.MaxAmountAdd(state, netuid, limitRao, out limitError) : Rao.Zero;
            if (limitError is not null)
            {
                return limitError;
            }
        }
        if (DynamicStakeRules.ValidateAdd(state, context.Signer, hotkey, netuid, amount, maxAmount, allowPartial) is { } refused)
        {
            return refused;
        }
        var possible = amount < maxAmount ? amount : maxAmount;
        PoolStake.StakeInto(context, hotkey, context.Signer, netuid, possible, PoolSwap.PriceFromRao(limitRao), dropFees: false, out var error);
        return error;
    }

    public static DispatchError? Remove(DispatchContext context, AccountId hotkey, NetUid netuid, Rao alpha)
    {
        var state = context.State;
        if (!SubnetPools.Started(state, netuid) && SubnetsModule.Exists(state, netuid))
        {
            return SubtensorErrors.SubtokenDisabled(netuid);
        }
        var staked = StakingModule.Of(state, new StakeKey(context.Signer, hotkey, netuid));
        alpha = alpha < staked ? alpha : staked;
        return RemoveUpTo(context, hotkey, netuid, alpha, PoolSwap.MinPriceRao, allowPartial: false, checkLimit: false);
    }

    /// <param name="checkLimit">remove_stake_limit: the most the limit price allows is worked out first, and its errors stop the call.</param>
    public static DispatchError? RemoveUpTo(DispatchContext context, AccountId hotkey, NetUid netuid, Rao alpha, ulong limitRao, bool allowPartial, bool checkLimit)
    {
        var state = context.State;
        if (DynamicStakeRules.WithinSwapLimitRemove(state, netuid, alpha) is { } tooLarge)
        {
            return tooLarge;
        }
        var maxAmount = alpha;
        if (checkLimit)
        {
            DispatchError? limitError = null;
            maxAmount = DynamicStakeRules.SubnetExists(state, netuid) ? DynamicStakeRules.MaxAmountRemove(state, netuid, limitRao, out limitError) : Rao.Zero;
            if (limitError is not null)
            {
                return limitError;
            }
        }
        if (DynamicStakeRules.ValidateRemove(state, context.Signer, hotkey, netuid, alpha, maxAmount, allowPartial) is { } refused)
        {
            return refused;
        }
        var possible = alpha < maxAmount ? alpha : maxAmount;
        PoolStake.UnstakeFrom(context, hotkey, context.Signer, netuid, possible, PoolSwap.PriceFromRao(limitRao), dropFees: false, out var error);
        return error;
    }

    public static DispatchError ClassicChain(string call) => SubtensorErrors.NeedsDynamicTao(call);
}
