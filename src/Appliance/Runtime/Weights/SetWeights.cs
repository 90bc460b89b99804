using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Weights;

/// <summary>set_weights(netuid, dests, weights, version_key), by the hotkey; refused while commit-reveal is on.</summary>
public sealed record SetWeights(NetUid NetUid, IReadOnlyList<ushort> Dests, IReadOnlyList<ushort> Weights, ulong VersionKey) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 0, "set_weights",
        r => new SetWeights(NetUid.Read(r), r.Vec(x => x.U16(), 2), r.Vec(x => x.U16(), 2), r.U64()), PaysFee: false);

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        NetUid.Write(writer);
        writer.Vec(Dests, (w, v) => w.U16(v)).Vec(Weights, (w, v) => w.U16(v)).U64(VersionKey);
    }

    public override JsonObject Describe() => new()
    {
        ["netuid"] = NetUid.Value,
        ["dests"] = new JsonArray([.. Dests.Select(d => JsonValue.Create(d))]),
        ["weights"] = new JsonArray([.. Weights.Select(w => JsonValue.Create(w))]),
        ["version_key"] = VersionKey,
    };

    public bool Equals(SetWeights? other) =>
        other is not null && NetUid == other.NetUid && Dests.SequenceEqual(other.Dests) && Weights.SequenceEqual(other.Weights) && VersionKey == other.VersionKey;

    public override int GetHashCode() => HashCode.Combine(NetUid, Dests.Count, VersionKey);

    public override DispatchError? Dispatch(DispatchContext context)
    {
        if (SubnetsModule.Exists(context.State, NetUid) && Hyperparameters.Get(context.State, NetUid, Hyperparameters.CommitRevealWeightsEnabled) != 0)
        {
            return SubtensorErrors.CommitRevealEnabled(NetUid);
        }
        if (WeightRules.Check(context.State, NetUid, context.Signer, Dests, Weights, VersionKey, context.BlockNumber, rateLimited: true, out var uid, out var row) is { } error)
        {
            return error;
        }
        Store(context, NetUid, uid, row, updateLastUpdate: true);
        return null;
    }

    /// <summary>Stores the row (and, for a direct set, the last_update block) and records the event.</summary>
    public static void Store(DispatchContext context, NetUid netuid, Uid uid, SparseRow row, bool updateLastUpdate)
    {
        var key = new NeuronKey(netuid, uid);
        WeightsModule.Weights.Set(context.State, key, row);
        if (updateLastUpdate)
        {
            var neuron = SubnetsModule.Neuron(context.State, netuid, uid);
            SubnetsModule.Neurons.Set(context.State, key, neuron with { LastUpdate = context.BlockNumber });
        }
        context.Deposit(SubnetsModule.Name, "WeightsSet", new JsonObject { ["netuid"] = netuid.Value, ["uid"] = uid.Value, ["count"] = row.Entries.Count });
    }
}
