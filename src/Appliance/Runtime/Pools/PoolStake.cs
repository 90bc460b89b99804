using System.Text.Json.Nodes;
using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Pools;

/// <summary>
/// Stake through a pool (subtensor's stake_utils): swap_tao_for_alpha and swap_alpha_for_tao keep the reserves
/// and SubnetAlphaOut in step, stake_into_subnet and unstake_from_subnet move the coldkey's TAO and stake. The
/// root subnet swaps 1:1 without a fee. Swap fees are burned, as this chain burns its transaction fees
/// (subtensor pays them to the block author): TAO fees leave issuance, alpha fees become burned alpha.
/// </summary>
public static class PoolStake
{
    public static U64F64 MaxPrice => PoolSwap.PriceFromRao(PoolSwap.MaxPriceRao);

    public static U64F64 MinPrice => PoolSwap.PriceFromRao(PoolSwap.MinPriceRao);

    /// <summary>What a buy of <paramref name="tao"/> would give now, without changing anything (sim_swap).</summary>
    public static SwapResult SimulateBuy(IStateReader state, NetUid netuid, ulong tao, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        error = null;
        return netuid == SubnetPools.Root ? new SwapResult(tao, tao, 0) : PoolSwap.Swap(SubnetPools.ReservesOf(state, netuid), buy: true, tao, limit, dropFees, out error);
    }

    public static SwapResult SimulateSell(IStateReader state, NetUid netuid, ulong alpha, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        error = null;
        return netuid == SubnetPools.Root ? new SwapResult(alpha, alpha, 0) : PoolSwap.Swap(SubnetPools.ReservesOf(state, netuid), buy: false, alpha, limit, dropFees, out error);
    }

    /// <summary>swap_tao_for_alpha: the TAO paid in (net of the fee) joins the pool, the alpha bought leaves it.</summary>
    public static SwapResult BuyAlpha(StateOverlay state, NetUid netuid, ulong tao, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        var result = SimulateBuy(state, netuid, tao, limit, dropFees, out error);
        if (error is null)
        {
            if (netuid != SubnetPools.Root)
            {
                SubnetPools.Subtract(state, SubnetPools.SubnetAlphaIn, netuid, new Rao(result.PaidOut));
            }
            SubnetPools.Add(state, SubnetPools.SubnetAlphaOut, netuid, new Rao(result.PaidOut));
            SubnetPools.Add(state, SubnetPools.SubnetTao, netuid, new Rao(result.PaidIn));
        }
        return result;
    }

    /// <summary>swap_alpha_for_tao: the alpha paid in (net of the fee) joins the pool, the TAO bought leaves it.</summary>
    public static SwapResult SellAlpha(StateOverlay state, NetUid netuid, ulong alpha, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        var result = SimulateSell(state, netuid, alpha, limit, dropFees, out error);
        if (error is null)
        {
            if (netuid != SubnetPools.Root)
            {
                SubnetPools.Add(state, SubnetPools.SubnetAlphaIn, netuid, new Rao(result.PaidIn));
            }
            SubnetPools.Subtract(state, SubnetPools.SubnetAlphaOut, netuid, new Rao(result.PaidIn));
            SubnetPools.Subtract(state, SubnetPools.SubnetTao, netuid, new Rao(result.PaidOut));
        }
        return result;
    }

    /// <summary>
    /// stake_into_subnet: <paramref name="tao"/> leaves the coldkey's free balance (the caller checked it), buys
    /// alpha up to <paramref name="limit"/>, and the alpha is staked on the hotkey. Returns the alpha staked.
    /// </summary>
    public static SwapResult StakeInto(
        DispatchContext context, AccountId hotkey, AccountId coldkey, NetUid netuid, Rao tao, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        var state = context.State;
        var result = BuyAlpha(state, netuid, tao.Value, limit, dropFees, out error);
        if (error is not null)
        {
            return default;
        }
        if (result.PaidOut == 0)
        {
            error = SubtensorErrors.AmountTooLow(tao, StakingModule.DynamicMinStake);
            return default;
        }
        var spent = new Rao(result.PaidIn + result.Fee);
        BalancesModule.Withdraw(context, coldkey, spent);
        BalancesModule.TotalIssuance.Set(state, BalancesModule.Issuance(state) - new Rao(result.Fee));
        StakingModule.ChangeHeld(state, new StakeKey(coldkey, hotkey, netuid), new Rao(result.PaidOut), add: true);
        context.Deposit(SubnetsModule.Name, "StakeAdded", new JsonObject
        {
            ["coldkey"] = coldkey.Address,
            ["hotkey"] = hotkey.Address,
            ["netuid"] = netuid.Value,
            ["tao"] = spent.Value,
            ["alpha"] = result.PaidOut,
            ["fee"] = result.Fee,
            ["price"] = PoolSwap.PriceInRao(SubnetPools.Price(state, netuid)),
        });
        return result;
    }

    /// <summary>
    /// unstake_from_subnet: <paramref name="alpha"/> leaves the stake (the caller checked it), is sold down to
    /// <paramref name="limit"/>, what the limit stopped goes back to the stake, and the TAO bought is free
    /// balance of the coldkey. The alpha fee stays outside the pool as burned alpha. Returns the swap.
    /// </summary>
    public static SwapResult UnstakeFrom(
        DispatchContext context, AccountId hotkey, AccountId coldkey, NetUid netuid, Rao alpha, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        var state = context.State;
        var key = new StakeKey(coldkey, hotkey, netuid);
        StakingModule.ChangeHeld(state, key, alpha, add: false);
        var result = SellAlpha(state, netuid, alpha.Value, limit, dropFees, out error);
        if (error is not null)
        {
            return default;
        }
        var refund = alpha.Value - (result.PaidIn + result.Fee);
        if (refund > 0)
        {
            StakingModule.ChangeHeld(state, key, new Rao(refund), add: true);
        }
        if (result.Fee > 0)
        {
            SubnetPools.Add(state, SubnetPools.BurnedAlpha, netuid, new Rao(result.Fee));
        }
        BalancesModule.Deposit(state, coldkey, new Rao(result.PaidOut));
        context.Deposit(SubnetsModule.Name, "StakeRemoved", new JsonObject
        {
            ["coldkey"] = coldkey.Address,
            ["hotkey"] = hotkey.Address,
            ["netuid"] = netuid.Value,
            ["tao"] = result.PaidOut,
            ["alpha"] = result.PaidIn + result.Fee,
            ["fee"] = result.Fee,
            ["price"] = PoolSwap.PriceInRao(SubnetPools.Price(state, netuid)),
        });
        return result;
    }
}
