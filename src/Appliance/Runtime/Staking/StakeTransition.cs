using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime.Staking;

/// <summary>
/// subtensor's transition_stake_internal, behind move_stake, transfer_stake and swap_stake: stake leaves one
/// (coldkey, hotkey, netuid) for another. Across subnets it is sold to TAO on the origin pool and bought on the
/// destination pool, one leg paying the fee; within a subnet the alpha simply changes hands.
/// </summary>
public static class StakeTransition
{
    public readonly record struct Leg(AccountId Coldkey, AccountId Hotkey, NetUid NetUid);

    public static DispatchError? Run(DispatchContext context, Leg origin, Leg destination, Rao alpha, string eventName)
    {
        var state = context.State;
        if (!EmissionModels.IsDynamic(state))
        {
            return SubtensorErrors.NeedsDynamicTao(eventName);
        }
        var staked = StakingModule.Of(state, new StakeKey(origin.Coldkey, origin.Hotkey, origin.NetUid));
        alpha = alpha < staked ? alpha : staked;
        if (Validate(context, origin, destination, alpha, staked) is { } refused)
        {
            return refused;
        }
        Rao moved;
        if (origin.NetUid != destination.NetUid)
        {
            var dropOriginFee = origin.NetUid == SubnetPools.Root;
            var sold = PoolStake.UnstakeFrom(context, origin.Hotkey, origin.Coldkey, origin.NetUid, alpha, PoolStake.MinPrice, dropOriginFee, out var error);
            if (error is not null)
            {
                return error;
            }
            var tao = new Rao(sold.PaidOut);
            if (origin.Coldkey != destination.Coldkey)
            {
                BalancesModule.Withdraw(context, origin.Coldkey, tao);
                BalancesModule.Deposit(state, destination.Coldkey, tao);
            }
            moved = Rao.Zero;
            if (tao >= StakingModule.DynamicMinStake)
            {
                var bought = PoolStake.StakeInto(context, destination.Hotkey, destination.Coldkey, destination.NetUid, tao, PoolStake.MaxPrice, !dropOriginFee, out error);
                if (error is not null)
                {
                    return error;
                }
                moved = new Rao(bought.PaidOut);
            }
        }
        else
        {
            StakingModule.ChangeHeld(state, new StakeKey(origin.Coldkey, origin.Hotkey, origin.NetUid), alpha, add: false);
            StakingModule.ChangeHeld(state, new StakeKey(destination.Coldkey, destination.Hotkey, destination.NetUid), alpha, add: true);
            var taoValue = (SubnetPools.Price(state, origin.NetUid) * Consensus.U64F64.FromU64(alpha.Value)).ToU64();
            if (taoValue < StakingModule.DynamicMinStake.Value)
            {
                return SubtensorErrors.AmountTooLow(new Rao(taoValue), StakingModule.DynamicMinStake);
            }
            moved = alpha;
        }
        context.Deposit(SubnetsModule.Name, eventName, new JsonObject
        {
            ["origin_coldkey"] = origin.Coldkey.Address,
            ["origin_hotkey"] = origin.Hotkey.Address,
            ["origin_netuid"] = origin.NetUid.Value,
            ["destination_coldkey"] = destination.Coldkey.Address,
            ["destination_hotkey"] = destination.Hotkey.Address,
            ["destination_netuid"] = destination.NetUid.Value,
            ["alpha"] = alpha.Value,
            ["received"] = moved.Value,
        });
        return null;
    }

    private static DispatchError? Validate(DispatchContext context, Leg origin, Leg destination, Rao alpha, Rao staked)
    {
        var state = context.State;
        if (origin.Coldkey == destination.Coldkey && origin.Hotkey == destination.Hotkey && origin.NetUid == destination.NetUid)
        {
            return SubtensorErrors.SameNetuid(origin.NetUid);
        }
        foreach (var netuid in new[] { origin.NetUid, destination.NetUid })
        {
            if (!DynamicStakeRules.SubnetExists(state, netuid))
            {
                return SubtensorErrors.SubNetworkDoesNotExist(netuid);
            }
        }
        foreach (var netuid in new[] { origin.NetUid, destination.NetUid })
        {
            if (!SubnetPools.Started(state, netuid))
            {
                return SubtensorErrors.SubtokenDisabled(netuid);
            }
        }
        foreach (var hotkey in new[] { origin.Hotkey, destination.Hotkey })
        {
            if (!SubnetsModule.Owner.Contains(state, hotkey))
            {
                return SubtensorErrors.HotKeyAccountNotExists(hotkey);
            }
        }
        if (staked < alpha)
        {
            return SubtensorErrors.NotEnoughStakeToWithdraw(alpha, staked);
        }
        if (origin.NetUid != destination.NetUid)
        {
            var sale = PoolStake.SimulateSell(state, origin.NetUid, alpha.Value, PoolStake.MinPrice, false, out var error);
            if (error is not null)
            {
                return SubtensorErrors.InsufficientLiquidity($"the origin pool cannot take the alpha: {error}");
            }
            if (sale.PaidOut <= StakingModule.DynamicMinStake.Value)
            {
                return SubtensorErrors.AmountTooLow(new Rao(sale.PaidOut), StakingModule.DynamicMinStake);
            }
        }
        return null;
    }
}
