using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Staking;

/// <summary>
/// Stake of a coldkey on a hotkey in a subnet. On a classic chain it is TAO moved from the free balance (one
/// token, no pools) and TotalStake sums it; on a dynamic chain it is the subnet's alpha, bought through its
/// pool (TAO on the root subnet), and the pools hold the TAO. Totals per hotkey are kept beside the entries
/// so the epoch and the issuance check read them directly. Delegate take is per hotkey, default 18 %.
/// </summary>
public static class StakingModule
{
    public const ushort DefaultTake = 11_796;
    public const ushort MaxTake = 11_796;

    /// <summary>The classic chain's minimum stake: 0.0005 TAO (subtensor's DefaultMinStake before dynamic TAO).</summary>
    public static readonly Rao MinStake = new(500_000);

    /// <summary>subtensor's DefaultMinStake at the commit followed (docs/consensus.md): 0.002 TAO.</summary>
    public static readonly Rao DynamicMinStake = new(2_000_000);

    public static readonly StorageMap<StakeKey, Rao> Stake = new(SubnetsModule.Name, "Stake");
    public static readonly StorageMap<SubnetAccountKey, Rao> TotalHotkeyStake = new(SubnetsModule.Name, "TotalHotkeyStake");
    public static readonly StorageValue<Rao> TotalStake = new(SubnetsModule.Name, "TotalStake");
    public static readonly StorageMap<AccountId, U16> Delegates = new(SubnetsModule.Name, "Delegates");

    public static Rao Of(IStateReader state, StakeKey key) => Stake.GetOrDefault(state, key, Rao.Zero);

    public static Rao OfHotkey(IStateReader state, NetUid netuid, AccountId hotkey) =>
        TotalHotkeyStake.GetOrDefault(state, new SubnetAccountKey(netuid, hotkey), Rao.Zero);

    public static Rao Total(IStateReader state) => TotalStake.GetOrDefault(state, Rao.Zero);

    public static ushort TakeOf(IStateReader state, AccountId hotkey) => Delegates.GetOrDefault(state, hotkey, new U16(DefaultTake)).Value;

    /// <summary>Every nominator of a hotkey in a subnet with its stake.</summary>
    public static IEnumerable<(AccountId Coldkey, Rao Amount)> Nominators(IStateReader state, NetUid netuid, AccountId hotkey) =>
        Stake.Iterate(state).Where(e => e.Key.Hotkey == hotkey && e.Key.NetUid == netuid).Select(e => (e.Key.Coldkey, e.Value));

    /// <summary>Every nominator of every hotkey in a subnet with its stake, read in one scan (an epoch pays them all).</summary>
    public static ILookup<AccountId, (AccountId Coldkey, Rao Amount)> NominatorsIn(IStateReader state, NetUid netuid) =>
        Stake.Iterate(state).Where(s => s.Key.NetUid == netuid).ToLookup(s => s.Key.Hotkey, s => (s.Key.Coldkey, s.Value));

    /// <summary>Adds (or removes) TAO stake on the classic chain and keeps both totals in step.</summary>
    public static void Change(StateOverlay state, StakeKey key, Rao amount, bool add)
    {
        ChangeHeld(state, key, amount, add);
        var total = Total(state);
        TotalStake.Set(state, add ? total + amount : total - amount);
    }

    /// <summary>
    /// Adds (or removes) stake held in a subnet's own unit — alpha on a dynamic chain, TAO on its root subnet —
    /// and keeps the hotkey's total (subtensor's TotalHotkeyAlpha) in step; the pools account for the rest.
    /// </summary>
    public static void ChangeHeld(StateOverlay state, StakeKey key, Rao amount, bool add)
    {
        var totalKey = new SubnetAccountKey(key.NetUid, key.Hotkey);
        var entry = Of(state, key);
        var hotkeyTotal = OfHotkey(state, key.NetUid, key.Hotkey);
        (entry, hotkeyTotal) = add ? (entry + amount, hotkeyTotal + amount) : (entry - amount, hotkeyTotal - amount);
        if (entry == Rao.Zero)
        {
            Stake.Remove(state, key);
        }
        else
        {
            Stake.Set(state, key, entry);
        }
        if (hotkeyTotal == Rao.Zero)
        {
            TotalHotkeyStake.Remove(state, totalKey);
        }
        else
        {
            TotalHotkeyStake.Set(state, totalKey, hotkeyTotal);
        }
    }
}
