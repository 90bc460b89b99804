using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Weights;

/// <summary>
/// commit_weights(netuid, commit_hash), by the hotkey (commit-reveal v2, spec §8.2): queues the hash for
/// the current epoch after dropping expired commits; at most 10 unrevealed; sets last_update.
/// </summary>
public sealed record CommitWeights(NetUid NetUid, Hash256 CommitHash) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 96, "commit_weights",
        r => new CommitWeights(NetUid.Read(r), Hash256.Read(r)), PaysFee: false);

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        NetUid.Write(writer);
        CommitHash.Write(writer);
    }

    public override JsonObject Describe() => new() { ["netuid"] = NetUid.Value, ["commit_hash"] = CommitHash.ToString() };

    public override DispatchError? Dispatch(DispatchContext context)
    {
        var state = context.State;
        if (WeightRules.RequireCommitReveal(state, NetUid) is { } off)
        {
            return off;
        }
        if (!SubnetsModule.TryGetUid(state, NetUid, context.Signer, out var uid))
        {
            return SubtensorErrors.HotKeyNotRegisteredInSubNet(context.Signer, NetUid);
        }
        var neuron = SubnetsModule.Neuron(state, NetUid, uid);
        if (WeightRules.TooSoon(state, NetUid, neuron.LastUpdate, context.BlockNumber, out var limit))
        {
            return SubtensorErrors.CommittingWeightsTooFast(neuron.LastUpdate, limit);
        }
        var window = RevealWindow.For(state, NetUid, context.BlockNumber);
        var key = new SubnetAccountKey(NetUid, context.Signer);
        var live = WeightsModule.Commits.GetOrDefault(state, key, CommitQueue.Empty).Items.Where(c => !window.Expired(c)).ToList();
        if (live.Count >= WeightsModule.MaxUnrevealedCommits)
        {
            return SubtensorErrors.TooManyUnrevealedCommits(live.Count, WeightsModule.MaxUnrevealedCommits);
        }
        live.Add(new WeightCommit(CommitHash, window.CurrentEpoch, context.BlockNumber));
        WeightsModule.Commits.Set(state, key, new CommitQueue(live));
        SubnetsModule.Neurons.Set(state, new NeuronKey(NetUid, uid), neuron with { LastUpdate = context.BlockNumber });
        context.Deposit(SubnetsModule.Name, "WeightsCommitted", new JsonObject
        {
            ["hotkey"] = context.Signer.Address,
            ["netuid"] = NetUid.Value,
            ["commit_hash"] = CommitHash.ToString(),
            ["reveal_from_block"] = window.FirstRevealBlock(window.CurrentEpoch),
        });
        return null;
    }
}
