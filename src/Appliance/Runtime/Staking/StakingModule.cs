using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Staking;

/// <summary>
/// Stake: TAO moved from a coldkey's free balance onto a hotkey in a subnet (legacy single-token staking;
/// no alpha pools). Totals per hotkey and overall are kept beside the entries so the epoch and the issuance
/// check read them directly. Delegate take is per hotkey, default 18 % (11 796/65 535).
/// </summary>
public static class StakingModule
{
    public const ushort DefaultTake = 11_796;
    public const ushort MaxTake = 11_796;

    /// <summary>subtensor's DefaultMinStake: 0.0005 TAO.</summary>
    public static readonly Rao MinStake = new(500_000);

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

    /// <summary>Adds (or with a negative sign removes) stake and keeps both totals in step.</summary>
    public static void Change(StateOverlay state, StakeKey key, Rao amount, bool add)
    {
        var totalKey = new SubnetAccountKey(key.NetUid, key.Hotkey);
        var entry = Of(state, key);
        var hotkeyTotal = OfHotkey(state, key.NetUid, key.Hotkey);
        var total = Total(state);
        (entry, hotkeyTotal, total) = add ? (entry + amount, hotkeyTotal + amount, total + amount) : (entry - amount, hotkeyTotal - amount, total - amount);
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
        TotalStake.Set(state, total);
    }
}
