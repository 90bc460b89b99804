using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// A dynamic subnet's epoch pays its pots in alpha (subtensor's distribute_emission): the owner cut is staked to
/// the owner's hotkey; each miner's incentive is staked to its hotkey, except the owner's own hotkeys, whose
/// incentive is burned; validators share the validator pot (and the miners' pot when no miner earned) by
/// dividends, each dividend split into an alpha part and a root part by how much of the hotkey's stake weight
/// is alpha and how much root TAO × TaoWeight. A hotkey keeps its take (18 % by default) and the rest goes to
/// its nominators pro rata; root dividends are sold to TAO and staked on root, as a claim of subtensor's
/// default Swap type does. What no one is paid is burned alpha.
/// </summary>
public static class DynamicEpochPayout
{
    public readonly record struct Pots(Rao Server, Rao Validator, Rao Root, Rao OwnerCut)
    {
        public Rao Total => Server + Validator + Root + OwnerCut;
    }

    /// <summary>Empties the four pots (drain_pending) and returns what they held.</summary>
    public static Pots Drain(StateOverlay state, NetUid netuid)
    {
        var pots = new Pots(
            DynamicCoinbase.Pending(state, DynamicCoinbase.PendingServer, netuid), DynamicCoinbase.Pending(state, DynamicCoinbase.PendingValidator, netuid),
            DynamicCoinbase.Pending(state, DynamicCoinbase.PendingRootAlpha, netuid), DynamicCoinbase.Pending(state, DynamicCoinbase.PendingOwnerCut, netuid));
        foreach (var pot in new[] { DynamicCoinbase.PendingServer, DynamicCoinbase.PendingValidator, DynamicCoinbase.PendingRootAlpha, DynamicCoinbase.PendingOwnerCut })
        {
            pot.Set(state, netuid, Rao.Zero);
        }
        return pots;
    }

    /// <summary>The stake weight the epoch sees for a hotkey: its alpha on the subnet plus its root TAO × TaoWeight.</summary>
    public static ulong StakeWeight(IStateReader state, NetUid netuid, AccountId hotkey) =>
        (U96F32.FromU64(StakingModule.OfHotkey(state, netuid, hotkey).Value)
            + (U96F32.FromU64(StakingModule.OfHotkey(state, SubnetPools.Root, hotkey).Value) * SubnetPools.TaoWeight(state))).ToU64();

    /// <summary>Pays the pots by the epoch's output; returns the alpha paid per uid and the alpha burned.</summary>
    public static (ulong[] Paid, Rao Burned) Pay(StateOverlay state, NetUid netuid, IReadOnlyList<NeuronState> neurons, EpochOutput output, Pots pots)
    {
        var subnet = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        var paid = new ulong[neurons.Count];
        var paidTotal = Rao.Zero;
        if (pots.OwnerCut > Rao.Zero)
        {
            StakingModule.ChangeHeld(state, new StakeKey(subnet.OwnerColdkey, subnet.OwnerHotkey, netuid), pots.OwnerCut, add: true);
            paidTotal += pots.OwnerCut;
        }

        var incentiveSum = output.ServerEmission.Aggregate(0UL, (sum, e) => checked(sum + e));
        var withheld = 0UL;
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            var incentive = output.ServerEmission[uid];
            var hotkey = neurons[uid].Hotkey;
            var owner = SubnetsModule.Owner.GetOrDefault(state, hotkey, hotkey);
            if (incentive == 0)
            {
                continue;
            }
            if (owner == subnet.OwnerColdkey || hotkey == subnet.OwnerHotkey)
            {
                withheld += incentive;
                continue;
            }
            StakingModule.ChangeHeld(state, new StakeKey(owner, hotkey, netuid), new Rao(incentive), add: true);
            paid[uid] += incentive;
            paidTotal += new Rao(incentive);
        }
        SubnetPools.MinerBurned.Set(state, netuid, new FixedValue(U96F32.FromU64(withheld).SafeDiv(U96F32.FromU64(incentiveSum)).Bits));

        var validatorAlpha = incentiveSum != 0 ? pots.Validator : pots.Validator + pots.Server;
        paidTotal += PayDividends(state, netuid, neurons, output, validatorAlpha, pots.Root, paid);
        var burned = pots.Total - paidTotal;
        if (burned > Rao.Zero)
        {
            SubnetPools.Add(state, SubnetPools.BurnedAlpha, netuid, burned);
        }
        return (paid, burned);
    }

    private static Rao PayDividends(StateOverlay state, NetUid netuid, IReadOnlyList<NeuronState> neurons, EpochOutput output, Rao validatorAlpha, Rao rootAlpha, ulong[] paid)
    {
        var taoWeight = SubnetPools.TaoWeight(state);
        var alphaParts = new U96F32[neurons.Count];
        var rootParts = new U96F32[neurons.Count];
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            var dividend = U96F32.FromU64(output.ValidatorEmission[uid]);
            if (dividend.IsZero)
            {
                continue;
            }
            var alpha = U96F32.FromU64(StakingModule.OfHotkey(state, netuid, neurons[uid].Hotkey).Value);
            var root = U96F32.FromU64(StakingModule.OfHotkey(state, SubnetPools.Root, neurons[uid].Hotkey).Value) * taoWeight;
            rootParts[uid] = dividend * (root.CheckedDiv(alpha + root) ?? U96F32.Zero);
            alphaParts[uid] = dividend - rootParts[uid];
        }
        var alphaTotal = alphaParts.Aggregate(U96F32.Zero, (sum, p) => sum + p);
        var rootTotal = rootParts.Aggregate(U96F32.Zero, (sum, p) => sum + p);
        var alphaNominators = StakingModule.NominatorsIn(state, netuid);
        var rootNominators = StakingModule.NominatorsIn(state, SubnetPools.Root);
        var paidTotal = Rao.Zero;
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            var hotkey = neurons[uid].Hotkey;
            var alphaDividend = (U96F32.FromU64(validatorAlpha.Value) * alphaParts[uid].SafeDiv(alphaTotal)).ToU64();
            var rootDividend = (U96F32.FromU64(rootAlpha.Value) * rootParts[uid].SafeDiv(rootTotal)).ToU64();
            if (alphaDividend > 0)
            {
                var take = TakeOf(state, hotkey, alphaDividend);
                Distribute(state, netuid, hotkey, new Rao(alphaDividend - take), new Rao(take), alphaNominators[hotkey].ToList());
            }
            if (rootDividend > 0)
            {
                var take = TakeOf(state, hotkey, rootDividend);
                var owner = SubnetsModule.Owner.GetOrDefault(state, hotkey, hotkey);
                StakingModule.ChangeHeld(state, new StakeKey(owner, hotkey, netuid), new Rao(take), add: true);
                var sold = PoolStake.SellAlpha(state, netuid, rootDividend - take, PoolStake.MinPrice, dropFees: true, out var error);
                if (error is null)
                {
                    PoolStake.BuyAlpha(state, SubnetPools.Root, sold.PaidOut, PoolStake.MaxPrice, dropFees: true, out _);
                    Distribute(state, SubnetPools.Root, hotkey, new Rao(sold.PaidOut), Rao.Zero, rootNominators[hotkey].ToList());
                }
                else
                {
                    StakingModule.ChangeHeld(state, new StakeKey(owner, hotkey, netuid), new Rao(rootDividend - take), add: true);
                }
            }
            paid[uid] += alphaDividend + rootDividend;
            paidTotal += new Rao(alphaDividend + rootDividend);
        }
        return paidTotal;
    }

    /// <summary>The take: Delegates[hotkey]/65535 × the dividend, floored (take_float).</summary>
    private static ulong TakeOf(IStateReader state, AccountId hotkey, ulong dividend) =>
        (U96F32.FromU16Proportion(StakingModule.TakeOf(state, hotkey)) * U96F32.FromU64(dividend)).ToU64();

    /// <summary>
    /// increase_stake_for_hotkey_on_subnet, with stake kept per nominator: the rest shared pro rata by stake
    /// (floored), the take and the floor leftovers to the hotkey's owner.
    /// </summary>
    private static void Distribute(StateOverlay state, NetUid netuid, AccountId hotkey, Rao rest, Rao take, IReadOnlyList<(AccountId Coldkey, Rao Amount)> nominators)
    {
        var owner = SubnetsModule.Owner.GetOrDefault(state, hotkey, hotkey);
        var (shares, left) = NominatorShares.Split(rest, nominators);
        foreach (var (coldkey, share) in shares)
        {
            StakingModule.ChangeHeld(state, new StakeKey(coldkey, hotkey, netuid), share, add: true);
        }
        var toOwner = take + left;
        if (toOwner > Rao.Zero)
        {
            StakingModule.ChangeHeld(state, new StakeKey(owner, hotkey, netuid), toOwner, add: true);
        }
    }
}
