using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Queries;

/// <summary>
/// A kept metagraph moved on by one sealed block from the block's own state writes (every entry it wrote,
/// with its new bytes), instead of scanning the subnet's thousands of rows again: a block between two epochs
/// writes none of its entries, and an epoch rewrites each uid's neuron and stake, which are in the writes.
/// </summary>
internal static class MetagraphUpdates
{
    /// <summary>What a state write is to, by <see cref="Prefixes"/>' order; none is -1.</summary>
    private enum Entry
    {
        Count,
        Neuron,
        Stake,
        Axon,
        Owner,
    }

    /// <summary>Whether any of these state writes is to an entry the metagraph of <paramref name="netuid"/> is built from.</summary>
    public static bool Touches(IEnumerable<KeyValuePair<byte[], byte[]?>> changes, NetUid netuid)
    {
        var prefixes = Prefixes(netuid);
        return changes.Any(change => Array.Exists(prefixes, prefix => change.Key.AsSpan().StartsWith(prefix.Span)));
    }

    /// <summary>
    /// <paramref name="kept"/> at <paramref name="block"/>, its child; null where the block changed which uids
    /// there are or which hotkey holds one (registrations), which a scan reads instead.
    /// </summary>
    public static KeptMetagraph? Follow(KeptMetagraph kept, NetUid netuid, SealedBlock block)
    {
        var prefixes = Prefixes(netuid);
        var neurons = (NeuronState[])kept.Neurons.Clone();
        var entries = (UidEntries[])kept.Entries.Clone();
        Dictionary<AccountId, int>? uids = null;
        int? UidOf(AccountId hotkey)
        {
            uids ??= Enumerable.Range(0, neurons.Length).ToDictionary(uid => kept.Neurons[uid].Hotkey);
            return uids.TryGetValue(hotkey, out var uid) ? uid : null;
        }
        foreach (var (key, value) in block.StateChanges)
        {
            switch ((Entry)Array.FindIndex(prefixes, prefix => key.AsSpan().StartsWith(prefix.Span)))
            {
                case Entry.Count:
                    return null;
                case Entry.Neuron:
                    var uid = SubnetsModule.Neurons.DecodeKey(key).Uid.Value;
                    var neuron = value is null || uid >= neurons.Length ? (NeuronState?)null : StorageMap<NeuronKey, NeuronState>.Decode(value);
                    if (neuron is not { } replaced || replaced.Hotkey != neurons[uid].Hotkey)
                    {
                        return null;
                    }
                    (neurons[uid], entries[uid]) = (replaced, entries[uid] with { Neuron = value! });
                    break;
                case Entry.Stake when UidOf(StakingModule.TotalHotkeyStake.DecodeKey(key).Account) is { } staked:
                    entries[staked] = entries[staked] with { Stake = value };
                    break;
                case Entry.Axon when UidOf(ServingModule.Axons.DecodeKey(key).Account) is { } serving:
                    entries[serving] = entries[serving] with { Axon = value };
                    break;
                case Entry.Owner when UidOf(SubnetsModule.Owner.DecodeKey(key)) is { } owned:
                    entries[owned] = entries[owned] with { Owner = value };
                    break;
            }
        }
        return MetagraphReader.Build(netuid, checked((long)block.Header.Number), block.Hash.ToArray(), neurons, entries, kept);
    }

    /// <summary>Where each <see cref="Entry"/> of the subnet is stored, in its order.</summary>
    private static ReadOnlyMemory<byte>[] Prefixes(NetUid netuid) =>
    [
        SubnetsModule.SubnetworkN.PrefixOf(netuid), SubnetsModule.Neurons.PrefixOf(netuid), StakingModule.TotalHotkeyStake.PrefixOf(netuid),
        ServingModule.Axons.PrefixOf(netuid), SubnetsModule.Owner.Prefix,
    ];
}
