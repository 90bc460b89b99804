using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Scale;
using Appliance.State;

namespace Appliance.Runtime.Weights;

/// <summary>
/// set_weights' checks in subtensor's order (spec §8.1), storing the values max-upscaled, and the commit
/// hash of commit-reveal v2 (§8.2). reveal_weights goes through the same checks without the rate limit.
/// </summary>
public static class WeightRules
{
    /// <summary>Checks a weights vote; on success returns the caller's uid and the row to store.</summary>
    public static DispatchError? Check(
        IStateReader state, NetUid netuid, AccountId hotkey, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values,
        ulong versionKey, ulong block, bool rateLimited, out Uid uid, out SparseRow row)
    {
        uid = default;
        row = SparseRow.Empty;
        if (uids.Count != values.Count)
        {
            return SubtensorErrors.WeightVecNotEqualSize(uids.Count, values.Count);
        }
        if (!SubnetsModule.Subnets.TryGet(state, netuid, out var subnet))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(netuid);
        }
        var n = SubnetsModule.Count(state, netuid);
        if (uids.Count > n)
        {
            return SubtensorErrors.UidsLengthExceedUidsInSubNet(uids.Count, n);
        }
        if (!SubnetsModule.TryGetUid(state, netuid, hotkey, out uid))
        {
            return SubtensorErrors.HotKeyNotRegisteredInSubNet(hotkey, netuid);
        }
        var isOwner = hotkey == subnet.OwnerHotkey;
        var threshold = (ulong)Hyperparameters.Get(state, netuid, Hyperparameters.StakeThreshold);
        var stake = EmissionModels.IsDynamic(state)
            ? new Rao(DynamicEpochPayout.StakeWeight(state, netuid, hotkey))
            : StakingModule.OfHotkey(state, netuid, hotkey);
        if (!isOwner && stake.Value < threshold)
        {
            return SubtensorErrors.NotEnoughStakeToSetWeights(stake, new Rao(threshold));
        }
        var networkKey = (ulong)Hyperparameters.Get(state, netuid, Hyperparameters.WeightsVersionKey);
        if (networkKey != 0 && versionKey < networkKey)
        {
            return SubtensorErrors.IncorrectWeightVersionKey(versionKey, networkKey);
        }
        var neuron = SubnetsModule.Neuron(state, netuid, uid);
        if (rateLimited && TooSoon(state, netuid, neuron.LastUpdate, block, out var limit))
        {
            return SubtensorErrors.SettingWeightsTooFast(neuron.LastUpdate, limit);
        }
        var selfWeight = uids.Count == 1 && uids[0] == uid.Value;
        if (!neuron.ValidatorPermit && !selfWeight && !isOwner)
        {
            return SubtensorErrors.NeuronNoValidatorPermit(uid, netuid);
        }
        if (uids.Distinct().Count() != uids.Count)
        {
            return SubtensorErrors.DuplicateUids();
        }
        if (uids.FirstOrDefault(u => u >= n, ushort.MaxValue) is var bad && bad != ushort.MaxValue)
        {
            return SubtensorErrors.UidVecContainInvalidOne(bad, n);
        }
        var minimum = Math.Min(Hyperparameters.Get(state, netuid, Hyperparameters.MinAllowedWeights), n);
        if (!selfWeight && values.Count < minimum)
        {
            return SubtensorErrors.WeightVecLengthIsLow(values.Count, minimum);
        }
        row = new SparseRow(uids.Zip(VectorMath.U16MaxUpscaleToU16(values)).ToList());
        return null;
    }

    /// <summary>
    /// Whether weights_rate_limit (<paramref name="limit"/>) blocks have not yet passed since last_update; never
    /// when nothing was set yet. set_weights and commit_weights report it with their own error.
    /// </summary>
    public static bool TooSoon(IStateReader state, NetUid netuid, ulong lastUpdate, ulong block, out ulong limit)
    {
        limit = (ulong)Hyperparameters.Get(state, netuid, Hyperparameters.WeightsRateLimit);
        return TooSoon(lastUpdate, block, limit);
    }

    /// <summary>The rate-limit rule itself, for a client that read weights_rate_limit and last_update from the API.</summary>
    public static bool TooSoon(ulong lastUpdate, ulong block, ulong limit) => lastUpdate != 0 && block - Math.Min(block, lastUpdate) < limit;

    /// <summary>commit_weights and reveal_weights need the subnet to exist and to take weights by commit-reveal.</summary>
    public static DispatchError? RequireCommitReveal(IStateReader state, NetUid netuid)
    {
        if (!SubnetsModule.Exists(state, netuid))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(netuid);
        }
        return Hyperparameters.Get(state, netuid, Hyperparameters.CommitRevealWeightsEnabled) == 0
            ? SubtensorErrors.CommitRevealDisabled(netuid)
            : null;
    }

    /// <summary>BLAKE2b-256 of SCALE (hotkey, netuid u16, uids Vec&lt;u16&gt;, values Vec&lt;u16&gt;, salt Vec&lt;u16&gt;, version_key u64) — get_commit_hash.</summary>
    public static Hash256 CommitHash(AccountId hotkey, NetUid netuid, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, IReadOnlyList<ushort> salt, ulong versionKey)
    {
        var writer = new ScaleWriter();
        hotkey.Write(writer);
        netuid.Write(writer);
        writer.Vec(uids, (w, v) => w.U16(v)).Vec(values, (w, v) => w.U16(v)).Vec(salt, (w, v) => w.U16(v)).U64(versionKey);
        return Hash256.Of(writer.ToArray());
    }
}
