using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.State;

namespace Appliance.Queries;

/// <summary>The metagraph as bittensor shows it, read from state: one row per uid, proportions as numbers in [0, 1].</summary>
public static class MetagraphReader
{
    public static SubnetView Subnet(IStateReader state, NetUid netuid, ulong block, int subnetCount)
    {
        var info = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        var tempo = Hyperparameters.Get(state, netuid, Hyperparameters.Tempo);
        return new SubnetView(netuid.Value, info.OwnerColdkey.Address, info.OwnerHotkey.Address, tempo, SubnetsModule.Count(state, netuid),
            Hyperparameters.Get(state, netuid, Hyperparameters.MaxAllowedUids), SubnetsModule.Burn.GetOrDefault(state, netuid, RegisterNetwork.InitialBurn).Value,
            info.Locked.Value, subnetCount == 0 ? 0 : 1m / subnetCount, SubnetsModule.NextEpochBlock(block, netuid, tempo));
    }

    public static MetagraphView Read(IStateReader state, NetUid netuid, ulong block) =>
        new(netuid.Value, block, SubnetsModule.NeuronsOf(state, netuid).Select((n, uid) => Neuron(state, netuid, new Uid((ushort)uid), n)).ToList());

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

    private static NeuronView Neuron(IStateReader state, NetUid netuid, Uid uid, NeuronState n)
    {
        var coldkey = SubnetsModule.Owner.TryGet(state, n.Hotkey, out var owner) ? owner.Address : "";
        AxonView? axon = ServingModule.Axons.TryGet(state, new SubnetAccountKey(netuid, n.Hotkey), out var a)
            ? new AxonView(a.IpText, a.Port, a.Version, a.Protocol, a.Block)
            : null;
        return new NeuronView(uid.Value, n.Hotkey.Address, coldkey, StakingModule.OfHotkey(state, netuid, n.Hotkey).Value,
            P(n.Rank), P(n.Trust), P(n.Consensus), P(n.Incentive), P(n.Dividends), n.Emission.Value, P(n.ValidatorTrust),
            n.ValidatorPermit, n.LastUpdate, n.Active, n.BlockAtRegistration, axon);
    }

    private static double P(ushort value) => value / 65535.0;

    private static IReadOnlyList<IReadOnlyList<int>> Rows(SparseRow row) => row.Entries.Select(e => (IReadOnlyList<int>)[e.Uid, e.Value]).ToList();
}
