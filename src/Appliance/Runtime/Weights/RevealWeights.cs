using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Weights;

/// <summary>
/// reveal_weights(netuid, uids, values, salt, version_key), by the hotkey (spec §8.2): the hash must match a
/// queued commit, and the current epoch must be its reveal epoch. Too early (RevealTooEarly), too late
/// (ExpiredWeightCommit) and a wrong hash (InvalidRevealCommitHashNotMatch) are distinct errors. The
/// weights then go through set_weights' checks without the rate limit.
/// </summary>
public sealed record RevealWeights(NetUid NetUid, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values, IReadOnlyList<ushort> Salt, ulong VersionKey)
    : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 97, "reveal_weights",
        r => new RevealWeights(NetUid.Read(r), r.Vec(x => x.U16(), 2), r.Vec(x => x.U16(), 2), r.Vec(x => x.U16(), 2), r.U64()), PaysFee: false);

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        NetUid.Write(writer);
        writer.Vec(Uids, (w, v) => w.U16(v)).Vec(Values, (w, v) => w.U16(v)).Vec(Salt, (w, v) => w.U16(v)).U64(VersionKey);
    }

    public override JsonObject Describe() => new()
    {
        ["netuid"] = NetUid.Value,
        ["uids"] = new JsonArray([.. Uids.Select(u => JsonValue.Create(u))]),
        ["values"] = new JsonArray([.. Values.Select(v => JsonValue.Create(v))]),
        ["salt"] = new JsonArray([.. Salt.Select(s => JsonValue.Create(s))]),
        ["version_key"] = VersionKey,
    };

    public bool Equals(RevealWeights? other) =>
        other is not null && NetUid == other.NetUid && Uids.SequenceEqual(other.Uids) && Values.SequenceEqual(other.Values)
        && Salt.SequenceEqual(other.Salt) && VersionKey == other.VersionKey;

    public override int GetHashCode() => HashCode.Combine(NetUid, Uids.Count, VersionKey);

    public override DispatchError? Dispatch(DispatchContext context)
    {
        var state = context.State;
        if (WeightRules.RequireCommitReveal(state, NetUid) is { } off)
        {
            return off;
        }
        var key = new SubnetAccountKey(NetUid, context.Signer);
        var hash = WeightRules.CommitHash(context.Signer, NetUid, Uids, Values, Salt, VersionKey);
        var window = RevealWindow.For(state, NetUid, context.BlockNumber);
        var queue = WeightsModule.Commits.GetOrDefault(state, key, CommitQueue.Empty).Items;
        if (window.FindRevealable(queue, hash, context.Signer, out var live, out var index) is { } refused)
        {
            return refused;
        }
        if (WeightRules.Check(state, NetUid, context.Signer, Uids, Values, VersionKey, context.BlockNumber, rateLimited: false, out var uid, out var row) is { } invalid)
        {
            return invalid;
        }
        var remaining = live.Skip(index + 1).ToList();
        if (remaining.Count == 0)
        {
            WeightsModule.Commits.Remove(state, key);
        }
        else
        {
            WeightsModule.Commits.Set(state, key, new CommitQueue(remaining));
        }
        SetWeights.Store(context, NetUid, uid, row, updateLastUpdate: false);
        context.Deposit(SubnetsModule.Name, "WeightsRevealed", new JsonObject { ["hotkey"] = context.Signer.Address, ["netuid"] = NetUid.Value, ["commit_hash"] = hash.ToString() });
        return null;
    }
}
