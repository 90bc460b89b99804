using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Weights;

/// <summary>Weights and bonds rows per (netuid, uid), and the pending weight commits per (netuid, hotkey).</summary>
public static class WeightsModule
{
    public const int MaxUnrevealedCommits = 10;

    public static readonly StorageMap<NeuronKey, SparseRow> Weights = new(SubnetsModule.Name, "Weights");
    public static readonly StorageMap<NeuronKey, SparseRow> Bonds = new(SubnetsModule.Name, "Bonds");
    public static readonly StorageMap<SubnetAccountKey, CommitQueue> Commits = new(SubnetsModule.Name, "WeightCommits");

    public static SparseRow WeightsOf(IStateReader state, NetUid netuid, Uid uid) => Weights.GetOrDefault(state, new NeuronKey(netuid, uid), SparseRow.Empty);

    public static SparseRow BondsOf(IStateReader state, NetUid netuid, Uid uid) => Bonds.GetOrDefault(state, new NeuronKey(netuid, uid), SparseRow.Empty);
}
