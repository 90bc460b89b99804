using Appliance.Primitives;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.State;

namespace Appliance.Runtime.Registration;

/// <summary>Appends a neuron or replaces one (spec §9.2), and picks the uid to replace (§9.3).</summary>
public static class NeuronRegistry
{
    public static Uid Append(StateOverlay state, NetUid netuid, AccountId hotkey, ulong block)
    {
        var uid = new Uid((ushort)SubnetsModule.Count(state, netuid));
        SubnetsModule.Neurons.Set(state, new NeuronKey(netuid, uid), NeuronState.Registered(hotkey, block));
        SubnetsModule.Uids.Set(state, new SubnetAccountKey(netuid, hotkey), uid);
        SubnetsModule.SubnetworkN.Set(state, netuid, new U64((ulong)uid.Value + 1));
        return uid;
    }

    /// <summary>The new hotkey takes the uid: its state cleared, its rows removed, other rows' entries for it set to 0.</summary>
    public static void Replace(StateOverlay state, NetUid netuid, Uid uid, AccountId hotkey, ulong block)
    {
        var key = new NeuronKey(netuid, uid);
        var old = SubnetsModule.Neuron(state, netuid, uid).Hotkey;
        SubnetsModule.Uids.Remove(state, new SubnetAccountKey(netuid, old));
        ServingModule.Axons.Remove(state, new SubnetAccountKey(netuid, old));
        WeightsModule.Commits.Remove(state, new SubnetAccountKey(netuid, old));
        SubnetsModule.Neurons.Set(state, key, NeuronState.Registered(hotkey, block));
        SubnetsModule.Uids.Set(state, new SubnetAccountKey(netuid, hotkey), uid);
        WeightsModule.Weights.Remove(state, key);
        WeightsModule.Bonds.Remove(state, key);
        for (var other = 0; other < SubnetsModule.Count(state, netuid); other++)
        {
            var otherKey = new NeuronKey(netuid, new Uid((ushort)other));
            var row = WeightsModule.WeightsOf(state, netuid, otherKey.Uid);
            if (row.Entries.Any(e => e.Uid == uid.Value))
            {
                WeightsModule.Weights.Set(state, otherKey, new SparseRow(row.Entries.Select(e => e.Uid == uid.Value ? (e.Uid, (ushort)0) : e).ToList()));
            }
        }
    }

    /// <summary>The uid a registration into the full subnet replaces, or null when every uid is immortal.</summary>
    public static Uid? ToPrune(IStateReader state, NetUid netuid, ulong block)
    {
        var neurons = SubnetsModule.NeuronsOf(state, netuid);
        return PruneCandidate.Choose(
            block,
            (ulong)Hyperparameters.Get(state, netuid, Hyperparameters.ImmunityPeriod),
            (int)Hyperparameters.Get(state, netuid, Hyperparameters.MinNonImmuneUids),
            neurons.Select(n => n.BlockAtRegistration).ToList(),
            neurons.Select(n => n.Emission.Value).ToList(),
            ImmortalUids(state, netuid, neurons)) is { } uid
            ? new Uid((ushort)uid)
            : null;
    }

    /// <summary>The owner's hotkeys that hold uids, owner hotkey first, then by registration: the first immune_owner_uids_limit of them.</summary>
    public static IReadOnlySet<int> ImmortalUids(IStateReader state, NetUid netuid, IReadOnlyList<NeuronState> neurons)
    {
        var subnet = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        var limit = (int)Hyperparameters.Get(state, netuid, Hyperparameters.ImmuneOwnerUidsLimit);
        return neurons
            .Select((n, uid) => (n, uid))
            .Where(x => SubnetsModule.Owner.TryGet(state, x.n.Hotkey, out var coldkey) && coldkey == subnet.OwnerColdkey)
            .OrderBy(x => x.n.Hotkey == subnet.OwnerHotkey ? 0 : 1)
            .ThenBy(x => x.n.BlockAtRegistration)
            .ThenBy(x => x.uid)
            .Take(limit)
            .Select(x => x.uid)
            .ToHashSet();
    }

    /// <summary>Whether the coldkey may use the hotkey: it owns it, or nobody does yet.</summary>
    public static DispatchError? CheckOwnership(IStateReader state, AccountId coldkey, AccountId hotkey) =>
        SubnetsModule.Owner.TryGet(state, hotkey, out var owner) && owner != coldkey
            ? SubtensorErrors.NonAssociatedColdKey(hotkey, owner)
            : null;

    public static DispatchError? Registered(IStateReader state, NetUid netuid, AccountId hotkey, out Uid uid)
    {
        uid = default;
        if (!SubnetsModule.Exists(state, netuid))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(netuid);
        }
        return SubnetsModule.TryGetUid(state, netuid, hotkey, out uid) ? null : SubtensorErrors.HotKeyNotRegisteredInSubNet(hotkey, netuid);
    }
}
