using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// A dynamic chain's stake rules, checked before signing in the chain's order (Runtime/Staking's
/// DynamicStakeRules, DynamicStaking and StakeTransition, as subtensor checks them) on the pool the API shows
/// and the signer's state past its pooled extrinsics. Each returns the chain's "Code: detail" line, or null.
/// Where a pooled call of the signer's will bring stake in an amount unknown until it runs, the checks on the
/// stake held are left to the chain.
/// </summary>
public static class StakePreflight
{
    /// <summary>add_stake, add_stake_limit: swap-input limit, the limit price, SubtokenDisabled, minimum 0.002 TAO plus its fee, SlippageTooHigh, the balance, the swap.</summary>
    public static string? Add(SignerState state, StakeOrder order, Rao fee)
    {
        var pool = order.Pool;
        var maxAmount = order.Amount;
        if (!pool.IsRoot && (UInt128)order.Amount.Value > (UInt128)pool.Pool!.TaoIn * PoolSwap.MaxInputPerReserve)
        {
            return SubtensorErrors.InsufficientLiquidity($"{order.Amount} is more than 1000× the pool's TAO").ToString();
        }
        if (order.Limit is { } limit)
        {
            maxAmount = pool.MaxAdd(limit, out var limitError);
            if (limitError is not null)
            {
                return limitError.ToString();
            }
        }
        if (!pool.Started)
        {
            return SubtensorErrors.SubtokenDisabled(pool.Netuid).ToString();
        }
        var minimum = pool.MinimumAdd();
        if (order.Amount < minimum)
        {
            return SubtensorErrors.AmountTooLow(order.Amount, minimum).ToString();
        }
        if (!order.Partial && order.Amount > maxAmount)
        {
            return SubtensorErrors.SlippageTooHigh(order.Amount, maxAmount).ToString();
        }
        var free = state.FreeAfterPending(dynamic: true);
        var left = free.Value >= fee.Value ? new Rao(free.Value - fee.Value) : Rao.Zero;
        if (order.Amount > left)
        {
            return $"{SubtensorErrors.NotEnoughBalanceToStake("staking", order.Amount, left)} (after the fee {fee}){Preflight.AfterPending(state)}";
        }
        var swap = pool.Buy(Math.Min(order.Amount.Value, maxAmount.Value), PoolSwap.MaxPriceRao, dropFees: false, out var swapError);
        if (swapError is not null)
        {
            return SubtensorErrors.InsufficientLiquidity($"the pool cannot take the stake: {swapError}").ToString();
        }
        if (swap.PaidIn < StakingModule.DynamicMinStake.Value)
        {
            return SubtensorErrors.AmountTooLow(new Rao(swap.PaidIn), StakingModule.DynamicMinStake).ToString();
        }
        return swap.PaidOut == 0 ? SubtensorErrors.InsufficientLiquidity("the pool would give no alpha for it").ToString() : null;
    }

    /// <summary>
    /// remove_stake (SubtokenDisabled, then capped to the stake, as subtensor caps it), remove_stake_limit (the
    /// limit price): swap-input limit, nothing to unstake, NotEnoughStakeToWithdraw, the swap, a remainder below
    /// the minimum stake, SlippageTooHigh.
    /// </summary>
    public static string? Remove(SignerState state, StakeOrder order)
    {
        var pool = order.Pool;
        if (order.Limit is null && !pool.Started)
        {
            return SubtensorErrors.SubtokenDisabled(pool.Netuid).ToString();
        }
        var staked = state.StakeAfterPending(order.Hotkey, pool.Netuid, dynamic: true);
        var incoming = state.StakeIncoming(order.Hotkey, pool.Netuid);
        var alpha = Unstaked(state, order);
        if (!pool.IsRoot && (UInt128)alpha.Value > (UInt128)pool.Pool!.AlphaIn * PoolSwap.MaxInputPerReserve)
        {
            return SubtensorErrors.InsufficientLiquidity($"{alpha.Value} alpha is more than 1000× the pool's alpha").ToString();
        }
        var maxAmount = alpha;
        if (order.Limit is { } limit)
        {
            maxAmount = pool.MaxRemove(limit, out var limitError);
            if (limitError is not null)
            {
                return limitError.ToString();
            }
        }
        if (incoming)
        {
            return null;
        }
        if (alpha == Rao.Zero)
        {
            var nothing = staked == Rao.Zero ? $" (no stake on hotkey {order.Hotkey} in subnet {pool.Netuid}){Preflight.AfterPending(state)}" : "";
            return $"{SubtensorErrors.NoAlphaToRemove(pool.Netuid)}{nothing}";
        }
        if (staked < alpha)
        {
            return $"{SubtensorErrors.NotEnoughStakeToWithdraw(alpha, staked)}{Preflight.AfterPending(state)}";
        }
        var swap = pool.Sell(alpha.Value, PoolSwap.MinPriceRao, dropFees: false, out var swapError);
        if (swapError is not null)
        {
            return SubtensorErrors.InsufficientLiquidity($"the pool cannot take the alpha: {swapError}").ToString();
        }
        if (staked != alpha && swap.PaidOut < StakingModule.DynamicMinStake.Value)
        {
            return SubtensorErrors.AmountTooLow(new Rao(swap.PaidOut), StakingModule.DynamicMinStake).ToString();
        }
        return !order.Partial && alpha > maxAmount ? SubtensorErrors.SlippageTooHigh(alpha, maxAmount).ToString() : null;
    }

    /// <summary>The stake a removal takes: remove_stake caps the amount to the stake; remove_stake_limit does not.</summary>
    public static Rao Unstaked(SignerState state, StakeOrder order)
    {
        if (order.Limit is not null || state.StakeIncoming(order.Hotkey, order.Pool.Netuid))
        {
            return order.Amount;
        }
        var staked = state.StakeAfterPending(order.Hotkey, order.Pool.Netuid, dynamic: true);
        return order.Amount < staked ? order.Amount : staked;
    }

    /// <summary>
    /// move_stake, transfer_stake, swap_stake (capped to the stake): SameNetuid, SubtokenDisabled on either side,
    /// and a move worth less than the minimum stake (sold across subnets, at the spot price within one).
    /// </summary>
    public static string? Transition(SignerState state, StakeMove move)
    {
        if (move.SameStake)
        {
            return SubtensorErrors.SameNetuid(move.Origin.Netuid).ToString();
        }
        foreach (var pool in new[] { move.Origin, move.Destination })
        {
            if (!pool.Started)
            {
                return SubtensorErrors.SubtokenDisabled(pool.Netuid).ToString();
            }
        }
        if (state.StakeIncoming(move.OriginHotkey, move.Origin.Netuid))
        {
            return null;
        }
        var alpha = Moved(state, move);
        var staked = state.StakeAfterPending(move.OriginHotkey, move.Origin.Netuid, dynamic: true);
        var nothing = staked == Rao.Zero ? $" (no stake on hotkey {move.OriginHotkey} in subnet {move.Origin.Netuid}){Preflight.AfterPending(state)}" : "";
        if (move.Origin.Netuid == move.Destination.Netuid)
        {
            var value = new Rao(move.Origin.ValueOf(alpha.Value));
            return value < StakingModule.DynamicMinStake ? $"{SubtensorErrors.AmountTooLow(value, StakingModule.DynamicMinStake)}{nothing}" : null;
        }
        var sale = move.Origin.Sell(alpha.Value, PoolSwap.MinPriceRao, dropFees: false, out var error);
        if (error is not null)
        {
            return SubtensorErrors.InsufficientLiquidity($"the origin pool cannot take the alpha: {error}").ToString();
        }
        return sale.PaidOut <= StakingModule.DynamicMinStake.Value
            ? $"{SubtensorErrors.AmountTooLow(new Rao(sale.PaidOut), StakingModule.DynamicMinStake)}{nothing}"
            : null;
    }

    /// <summary>The stake a move takes: the amount, capped to the stake as the chain caps it.</summary>
    public static Rao Moved(SignerState state, StakeMove move)
    {
        if (state.StakeIncoming(move.OriginHotkey, move.Origin.Netuid))
        {
            return move.Alpha;
        }
        var staked = state.StakeAfterPending(move.OriginHotkey, move.Origin.Netuid, dynamic: true);
        return move.Alpha < staked ? move.Alpha : staked;
    }
}
