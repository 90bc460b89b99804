using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;

namespace Appliance.Cli;

/// <summary>
/// What a stake call is expected to give, shown before signing as btcli shows "received" and "slippage": the
/// swap run on the pool as the API shows it (another extrinsic in the same block can still move the price).
/// Slippage is 1 − received / (the amount at the spot price): the fee and the price moving during the swap.
/// </summary>
public static class StakeQuotes
{
    public static string Add(StakeOrder order)
    {
        var pool = order.Pool;
        var possible = order.Amount;
        if (order.Limit is { } limit)
        {
            var max = pool.MaxAdd(limit, out _);
            possible = possible < max ? possible : max;
        }
        var swap = pool.Buy(possible.Value, order.Limit ?? PoolSwap.MaxPriceRao, dropFees: false, out _);
        var ideal = (ulong)UInt128.Min((UInt128)possible.Value * Rao.PerTao / Math.Max(pool.PriceRao, 1), ulong.MaxValue);
        return $"Quote: {Output.Amount(possible.Value, Output.Tau)} buys about {Output.Amount(swap.PaidOut, pool.Unit)} at {Price(pool)}"
            + $" (fee {Output.Amount(swap.Fee, Output.Tau)}, slippage {Output.Percent(SubnetPool.Slippage(ideal, swap.PaidOut))})"
            + (possible < order.Amount ? $"; the limit price stops it at {Output.Amount(possible.Value, Output.Tau)} of {Output.Amount(order.Amount.Value, Output.Tau)}." : ".");
    }

    public static string Remove(SignerState state, StakeOrder order)
    {
        var pool = order.Pool;
        var alpha = StakePreflight.Unstaked(state, order);
        var possible = alpha;
        if (order.Limit is { } limit)
        {
            var max = pool.MaxRemove(limit, out _);
            possible = possible < max ? possible : max;
        }
        var swap = pool.Sell(possible.Value, order.Limit ?? PoolSwap.MinPriceRao, dropFees: false, out _);
        return $"Quote: {Output.Amount(possible.Value, pool.Unit)} sells for about {Output.Amount(swap.PaidOut, Output.Tau)} at {Price(pool)}"
            + $" (fee {Output.Amount(swap.Fee, pool.Unit)}, slippage {Output.Percent(SubnetPool.Slippage(pool.ValueOf(possible.Value), swap.PaidOut))})"
            + (alpha < order.Amount ? $"; capped to the whole stake, {Output.Amount(alpha.Value, pool.Unit)}" : "")
            + (possible < alpha ? $"; the limit price stops it at {Output.Amount(possible.Value, pool.Unit)}." : ".");
    }

    /// <summary>
    /// Across subnets the stake is sold on the origin pool and the TAO buys the destination's alpha, one leg
    /// paying the fee (the sale, unless the origin is root); within a subnet it changes hands as it is.
    /// </summary>
    public static string Transition(SignerState state, StakeMove move)
    {
        var alpha = StakePreflight.Moved(state, move);
        var capped = alpha < move.Alpha ? $" (capped to the whole stake)" : "";
        if (move.Origin.Netuid == move.Destination.Netuid)
        {
            return $"Quote: {Output.Amount(alpha.Value, move.Origin.Unit)}{capped} changes hands as it is, worth {Output.Amount(move.Origin.ValueOf(alpha.Value), Output.Tau)}.";
        }
        var originFeeDropped = move.Origin.IsRoot;
        var sale = move.Origin.Sell(alpha.Value, PoolSwap.MinPriceRao, originFeeDropped, out _);
        var bought = sale.PaidOut >= StakingModule.DynamicMinStake.Value
            ? move.Destination.Buy(sale.PaidOut, PoolSwap.MaxPriceRao, !originFeeDropped, out _)
            : default;
        return $"Quote: {Output.Amount(alpha.Value, move.Origin.Unit)}{capped} of subnet {move.Origin.Netuid} sells for about {Output.Amount(sale.PaidOut, Output.Tau)} at {Price(move.Origin)},"
            + $" which buys about {Output.Amount(bought.PaidOut, move.Destination.Unit)} of subnet {move.Destination.Netuid} at {Price(move.Destination)}"
            + $" (fees {Output.Amount(sale.Fee, move.Origin.Unit)} and {Output.Amount(bought.Fee, Output.Tau)}).";
    }

    private static string Price(SubnetPool pool) => $"{Output.Tao(pool.PriceRao)} {Output.PerAlpha}";
}

/// <summary>One move_stake, transfer_stake or swap_stake: from (coldkey, hotkey, subnet) to (coldkey, hotkey, subnet), an amount of the origin's stake.</summary>
public sealed record StakeMove(
    SubnetPool Origin, SubnetPool Destination, AccountId OriginColdkey, AccountId DestinationColdkey, AccountId OriginHotkey, AccountId DestinationHotkey, Rao Alpha)
{
    public bool SameStake => OriginColdkey == DestinationColdkey && OriginHotkey == DestinationHotkey && Origin.Netuid == Destination.Netuid;
}
