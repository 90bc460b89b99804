using Appliance.Primitives;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// Pays one uid's epoch emission (spec §7.3): a miner's incentive is staked to its hotkey (owner coldkey);
/// a validator's dividends first give the delegate take to the hotkey's owner, then the rest to the
/// hotkey's nominators pro rata by stake (floored), the floor leftovers to the owner. Everything paid is
/// stake on the hotkey, as subtensor stakes emission.
/// </summary>
public static class EmissionPayout
{
    /// <param name="nominators">Every coldkey's stake on the hotkey in this subnet, read once per epoch.</param>
    public static void Pay(StateOverlay state, NetUid netuid, AccountId hotkey, Rao server, Rao validator, IReadOnlyList<(AccountId Coldkey, Rao Amount)> nominators)
    {
        var owner = SubnetsModule.Owner.GetOrDefault(state, hotkey, hotkey);
        var toOwner = server;
        if (validator > Rao.Zero)
        {
            var take = new Rao((ulong)((UInt128)validator.Value * StakingModule.TakeOf(state, hotkey) / 65_535));
            var rest = validator - take;
            var (shares, left) = NominatorShares.Split(rest, nominators);
            foreach (var (coldkey, share) in shares)
            {
                StakingModule.Change(state, new StakeKey(coldkey, hotkey, netuid), share, add: true);
            }
            toOwner += take + left;
        }
        if (toOwner > Rao.Zero)
        {
            StakingModule.Change(state, new StakeKey(owner, hotkey, netuid), toOwner, add: true);
        }
    }
}
