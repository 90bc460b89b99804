using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.State;
using Appliance.Storage;

namespace Appliance.Queries;

/// <summary>The metagraph as bittensor shows it, read from state: one row per uid, proportions as numbers in [0, 1].</summary>
public static class MetagraphReader
{
    public static SubnetView Subnet(IStateReader state, NetUid netuid, ulong block, int subnetCount)
    {
        var info = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        var tempo = Hyperparameters.Get(state, netuid, Hyperparameters.Tempo);
        var dynamic = EmissionModels.IsDynamic(state);
        return new SubnetView(netuid.Value, info.OwnerColdkey.Address, info.OwnerHotkey.Address, tempo, SubnetsModule.Count(state, netuid),
            Hyperparameters.Get(state, netuid, Hyperparameters.MaxAllowedUids), SubnetsModule.Burn.GetOrDefault(state, netuid, RegisterNetwork.InitialBurn).Value,
            info.Locked.Value, dynamic ? DynamicShare(state, netuid) : subnetCount == 0 ? 0 : 1m / subnetCount, SubnetsModule.NextEpochBlock(block, netuid, tempo),
            dynamic ? Pool(state, netuid) : null);
    }

    private static decimal DynamicShare(IStateReader state, NetUid netuid)
    {
        var emitting = DynamicCoinbase.Emitting(state, SubnetsModule.AllSubnets(state));
        return emitting.Contains(netuid) ? (decimal)EmissionShares.Of(state, emitting)[netuid].ToDouble() : 0m;
    }

    private static PoolView Pool(IStateReader state, NetUid netuid)
    {
        var reserves = SubnetPools.ReservesOf(state, netuid);
        ulong Last(StorageMap<NetUid, Rao> item) => item.GetOrDefault(state, netuid, Rao.Zero).Value;
        return new PoolView(
            reserves.Tao, reserves.Alpha, SubnetPools.AlphaOut(state, netuid).Value,
            PoolSwap.PriceInRao(SubnetPools.Price(state, netuid)), PoolSwap.PriceInRao(SubnetPools.MovingPriceOf(state, netuid)),
            Last(DynamicCoinbase.TaoInEmission) + Last(DynamicCoinbase.ExcessTao), Last(DynamicCoinbase.AlphaInEmission), Last(DynamicCoinbase.AlphaOutEmission),
            SubnetPools.Started(state, netuid),
            SubnetPools.FirstEmissionBlock.TryGet(state, netuid, out var first) ? first.Value : null);
    }

    /// <summary>
    /// Every uid of the subnet from one scan per map — its neurons, their stake and axons, and the hotkeys'
    /// owners — where reading them uid by uid costs four queries each (16,384 for a full subnet). A uid whose
    /// stored entries are byte for byte those <paramref name="previous"/> was built from keeps its row (and
    /// JSON) from there.
    /// </summary>
    internal static KeptMetagraph Read(IStateReader state, NetUid netuid, BlockRow head, KeptMetagraph? previous)
    {
        var stored = new byte[SubnetsModule.Count(state, netuid)][];
        var found = 0;
        foreach (var (key, value) in SubnetsModule.Neurons.IteratePrefixStored(state, netuid))
        {
            stored[key.Uid.Value] = value;
            found++;
        }
        if (found != stored.Length)
        {
            throw new InvalidOperationException($"subnet {netuid} counts {stored.Length} uids but stores {found} neurons.");
        }
        var neurons = new NeuronState[stored.Length];
        for (var uid = 0; uid < stored.Length; uid++)
        {
            neurons[uid] = previous is not null && uid < previous.Entries.Length && previous.Entries[uid].Neuron.AsSpan().SequenceEqual(stored[uid])
                ? previous.Neurons[uid]
                : StorageMap<NeuronKey, NeuronState>.Decode(stored[uid]);
        }
        var stakes = StakingModule.TotalHotkeyStake.IteratePrefixStored(state, netuid).ToDictionary(e => e.Key.Account, e => e.Value);
        var axons = ServingModule.Axons.IteratePrefixStored(state, netuid).ToDictionary(e => e.Key.Account, e => e.Value);
        var hotkeys = neurons.Select(n => n.Hotkey).ToHashSet();
        // Owner is keyed by hotkey alone, so a subnet's owners are not one prefix: one scan of the map, keeping this subnet's.
        var owners = SubnetsModule.Owner.IterateStored(state).Where(o => hotkeys.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value);
        var entries = new UidEntries[stored.Length];
        for (var uid = 0; uid < stored.Length; uid++)
        {
            var hotkey = neurons[uid].Hotkey;
            entries[uid] = new UidEntries(stored[uid], stakes.GetValueOrDefault(hotkey), axons.GetValueOrDefault(hotkey), owners.GetValueOrDefault(hotkey));
        }
        return Build(netuid, head.Number, head.Hash, neurons, entries, previous);
    }

    /// <summary>The metagraph of these uids, each row (and its JSON) taken from <paramref name="previous"/> where its entries are unchanged.</summary>
    internal static KeptMetagraph Build(NetUid netuid, long number, byte[] hash, NeuronState[] neurons, UidEntries[] entries, KeptMetagraph? previous)
    {
        var count = neurons.Length;
        var kept = previous is null ? 0 : Math.Min(count, previous.Entries.Length);
        var previousJson = previous?.NeuronsJson.Rows();
        var views = new NeuronView[count];
        var json = new ReadOnlyMemory<byte>[count];
        for (var uid = 0; uid < count; uid++)
        {
            if (uid < kept && previous!.Entries[uid].SameAs(entries[uid]))
            {
                (views[uid], json[uid]) = (previous.View.Neurons[uid], previousJson![uid]);
                continue;
            }
            // An epoch rewrites a uid's neuron and stake but seldom its owner or axon: those parts of its row are kept.
            var (entry, earlier) = (entries[uid], uid < kept ? previous!.View.Neurons[uid] : null);
            var coldkey = earlier is not null && UidEntries.Same(entry.Owner, previous!.Entries[uid].Owner) ? earlier.Coldkey
                : entry.Owner is null ? "" : Addresses.Of(StorageMap<AccountId, AccountId>.Decode(entry.Owner));
            var axon = earlier is not null && UidEntries.Same(entry.Axon, previous!.Entries[uid].Axon) ? earlier.Axon
                : entry.Axon is null ? null : Axon(StorageMap<SubnetAccountKey, AxonInfo>.Decode(entry.Axon));
            views[uid] = View(new Uid((ushort)uid), neurons[uid], coldkey, entry.Stake is null ? Rao.Zero : StorageMap<SubnetAccountKey, Rao>.Decode(entry.Stake), axon);
        }
        return new KeptMetagraph(number, hash, new MetagraphView(netuid.Value, (ulong)number, views), entries, neurons, new NeuronsJson(views, json));
    }

    public static NeuronDetailView Detail(IStateReader state, NetUid netuid, Uid uid)
    {
        var neuron = SubnetsModule.Neuron(state, netuid, uid);
        return new NeuronDetailView(
            Neuron(state, netuid, uid, neuron),
            Rows(WeightsModule.WeightsOf(state, netuid, uid)),
            Rows(WeightsModule.BondsOf(state, netuid, uid)),
            StakingModule.Nominators(state, netuid, neuron.Hotkey).Select(n => new NominatorView(n.Coldkey.Address, n.Amount.Value)).ToList(),
            StakingModule.TakeOf(state, neuron.Hotkey));
    }

    public static NeuronView Neuron(IStateReader state, NetUid netuid, Uid uid) => Neuron(state, netuid, uid, SubnetsModule.Neuron(state, netuid, uid));

    private static NeuronView Neuron(IStateReader state, NetUid netuid, Uid uid, NeuronState n) => View(uid, n,
        SubnetsModule.Owner.TryGet(state, n.Hotkey, out var owner) ? Addresses.Of(owner) : "",
        StakingModule.OfHotkey(state, netuid, n.Hotkey),
        ServingModule.Axons.TryGet(state, new SubnetAccountKey(netuid, n.Hotkey), out var a) ? Axon(a) : null);

    private static NeuronView View(Uid uid, NeuronState n, string coldkey, Rao stake, AxonView? axon) => new(
        uid.Value, Addresses.Of(n.Hotkey), coldkey, stake.Value,
        P(n.Rank), P(n.Trust), P(n.Consensus), P(n.Incentive), P(n.Dividends), n.Emission.Value, P(n.ValidatorTrust),
        n.ValidatorPermit, n.LastUpdate, n.Active, n.BlockAtRegistration, axon);

    private static AxonView Axon(AxonInfo a) => new(a.IpText, a.Port, a.Version, a.Protocol, a.Block);

    private static double P(ushort value) => value / 65535.0;

    private static IReadOnlyList<IReadOnlyList<int>> Rows(SparseRow row) => row.Entries.Select(e => (IReadOnlyList<int>)[e.Uid, e.Value]).ToList();
}
