using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Staking;

/// <summary>
/// subtensor's checks before stake moves through a pool (validate_add_stake, validate_remove_stake,
/// get_max_amount_add/remove, the swap-input limit), in its order, so a call fails with the error it would fail
/// with there. The root subnet exists on every dynamic chain and trades at 1.
/// </summary>
public static class DynamicStakeRules
{
    public static bool SubnetExists(IStateReader state, NetUid netuid) => netuid == SubnetPools.Root || SubnetsModule.Exists(state, netuid);

    /// <summary>ensure_add_stake_input_within_swap_limit: at most 1000× the pool's TAO.</summary>
    public static DispatchError? WithinSwapLimitAdd(IStateReader state, NetUid netuid, Rao amount) =>
        netuid != SubnetPools.Root && SubnetsModule.Exists(state, netuid)
            && (UInt128)amount.Value > (UInt128)SubnetPools.ReservesOf(state, netuid).Tao * PoolSwap.MaxInputPerReserve
            ? SubtensorErrors.InsufficientLiquidity($"{amount} is more than 1000× the pool's TAO") : null;

    public static DispatchError? WithinSwapLimitRemove(IStateReader state, NetUid netuid, Rao alpha) =>
        netuid != SubnetPools.Root && SubnetsModule.Exists(state, netuid)
            && (UInt128)alpha.Value > (UInt128)SubnetPools.ReservesOf(state, netuid).Alpha * PoolSwap.MaxInputPerReserve
            ? SubtensorErrors.InsufficientLiquidity($"{alpha.Value} alpha is more than 1000× the pool's alpha") : null;

    public static DispatchError? ValidateAdd(IStateReader state, AccountId coldkey, AccountId hotkey, NetUid netuid, Rao amount, Rao maxAmount, bool allowPartial)
    {
        if (!SubnetExists(state, netuid))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(netuid);
        }
        if (!SubnetPools.Started(state, netuid))
        {
            return SubtensorErrors.SubtokenDisabled(netuid);
        }
        var minimum = StakingModule.DynamicMinStake
            + new Rao(PoolStake.SimulateBuy(state, netuid, StakingModule.DynamicMinStake.Value, PoolStake.MaxPrice, false, out var minError) is var sim && minError is null
                ? sim.Fee : PoolSwap.FeeOf(StakingModule.DynamicMinStake.Value));
        if (amount < minimum)
        {
            return SubtensorErrors.AmountTooLow(amount, minimum);
        }
        if (!allowPartial && amount > maxAmount)
        {
            return SubtensorErrors.SlippageTooHigh(amount, maxAmount);
        }
        var free = BalancesModule.Free(state, coldkey);
        if (amount > free)
        {
            return SubtensorErrors.NotEnoughBalanceToStake("staking", amount, free);
        }
        if (!SubnetsModule.Owner.Contains(state, hotkey))
        {
            return SubtensorErrors.HotKeyAccountNotExists(hotkey);
        }
        var swap = PoolStake.SimulateBuy(state, netuid, Math.Min(amount.Value, maxAmount.Value), PoolStake.MaxPrice, false, out var swapError);
        if (swapError is not null)
        {
            return SubtensorErrors.InsufficientLiquidity($"the pool cannot take the stake: {swapError}");
        }
        if (swap.PaidIn < StakingModule.DynamicMinStake.Value)
        {
            return SubtensorErrors.AmountTooLow(new Rao(swap.PaidIn), StakingModule.DynamicMinStake);
        }
        return swap.PaidOut == 0 ? SubtensorErrors.InsufficientLiquidity("the pool would give no alpha for it") : null;
    }

    public static DispatchError? ValidateRemove(IStateReader state, AccountId coldkey, AccountId hotkey, NetUid netuid, Rao alpha, Rao maxAmount, bool allowPartial)
    {
        if (!SubnetExists(state, netuid))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(netuid);
        }
        if (alpha == Rao.Zero)
        {
            return SubtensorErrors.NoAlphaToRemove(netuid);
        }
        var staked = StakingModule.Of(state, new StakeKey(coldkey, hotkey, netuid));
        if (staked < alpha)
        {
            return SubtensorErrors.NotEnoughStakeToWithdraw(alpha, staked);
        }
        var swap = PoolStake.SimulateSell(state, netuid, alpha.Value, PoolStake.MinPrice, false, out var swapError);
        if (swapError is not null)
        {
            return SubtensorErrors.InsufficientLiquidity($"the pool cannot take the alpha: {swapError}");
        }
        if (staked != alpha && swap.PaidOut < StakingModule.DynamicMinStake.Value)
        {
            return SubtensorErrors.AmountTooLow(new Rao(swap.PaidOut), StakingModule.DynamicMinStake);
        }
        if (!allowPartial && alpha > maxAmount)
        {
            return SubtensorErrors.SlippageTooHigh(alpha, maxAmount);
        }
        return SubnetsModule.Owner.Contains(state, hotkey) ? null : SubtensorErrors.HotKeyAccountNotExists(hotkey);
    }

    /// <summary>get_max_amount_add: the most TAO (fee included) a buy can put in before the price reaches the limit.</summary>
    public static Rao MaxAmountAdd(IStateReader state, NetUid netuid, ulong limitRao, out DispatchError? error)
    {
        error = null;
        if (netuid == SubnetPools.Root)
        {
            return new Rao(limitRao >= Rao.PerTao ? ulong.MaxValue : 0);
        }
        var reserves = SubnetPools.ReservesOf(state, netuid);
        var whole = (ulong)UInt128.Min((UInt128)reserves.Tao * PoolSwap.MaxInputPerReserve, ulong.MaxValue);
        var swap = PoolSwap.Swap(reserves, buy: true, whole, PoolSwap.PriceFromRao(limitRao), dropFees: false, out error);
        return error is null ? new Rao(Saturating(swap.PaidIn, swap.Fee)) : Rao.Zero;
    }

    /// <summary>get_max_amount_remove: the most alpha (fee included) a sale can put in before the price falls to the limit.</summary>
    public static Rao MaxAmountRemove(IStateReader state, NetUid netuid, ulong limitRao, out DispatchError? error)
    {
        error = null;
        if (netuid == SubnetPools.Root)
        {
            return new Rao(limitRao <= Rao.PerTao ? ulong.MaxValue : 0);
        }
        var reserves = SubnetPools.ReservesOf(state, netuid);
        var whole = (ulong)UInt128.Min((UInt128)reserves.Alpha * PoolSwap.MaxInputPerReserve, ulong.MaxValue);
        var swap = PoolSwap.Swap(reserves, buy: false, whole, PoolSwap.PriceFromRao(limitRao), dropFees: false, out error);
        return error is null ? new Rao(Saturating(swap.PaidIn, swap.Fee)) : Rao.Zero;
    }

    private static ulong Saturating(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
