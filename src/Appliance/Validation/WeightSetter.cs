using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;

namespace Appliance.Validation;

/// <summary>
/// Turns the moving averages into weights on chain when the rate limit allows: set_weights directly, or on
/// subnets with commit-reveal, commit_weights now and reveal_weights in the epoch the commit opens (spec
/// §8.2–8.3). Weights are scaled so the best UID gets 65535, as the SDK does; UIDs with no score are left out.
/// </summary>
public sealed class WeightSetter(NodeClient node, Ed25519KeyPair hotkey, NetUid netuid, ValidatorState state, ILogger logger)
{
    private readonly AccountId _self = new(hotkey.PublicKey);

    public async Task UpdateAsync(MetagraphView metagraph, SubnetRules rules, ScoreBoard scores, ulong block, CancellationToken cancellation)
    {
        var own = metagraph.Neurons.FirstOrDefault(n => n.Hotkey == _self.Address);
        if (own is null)
        {
            return;
        }
        var epoch = SubnetsModule.EpochIndex(block, netuid, rules.Tempo);
        await RevealDueAsync(epoch, rules, cancellation);
        if (block < own.LastUpdate + rules.WeightsRateLimit || (rules.CommitReveal && state.Saved.Commits.Count > 0))
        {
            return;
        }
        var chosen = metagraph.Neurons.Where(n => n.Uid != own.Uid && scores[n.Uid] > 0).ToList();
        if (chosen.Count == 0)
        {
            return;
        }
        var uids = chosen.Select(n => n.Uid).ToList();
        var values = WeightValues.ToU16(chosen.Select(n => scores[n.Uid]).ToList());
        if (!rules.CommitReveal)
        {
            var set = await SubmitAsync(new SetWeights(netuid, uids, values, rules.VersionKey), cancellation);
            logger.LogInformation("set_weights for {Count} uids: {Result}", uids.Count, Describe(set));
            return;
        }
        var salt = SecureRandom.Bytes(16).Chunk(2).Select(b => BitConverter.ToUInt16(b)).ToList();
        var hash = WeightRules.CommitHash(_self, netuid, uids, values, salt, rules.VersionKey);
        var committed = await SubmitAsync(new CommitWeights(netuid, hash), cancellation);
        logger.LogInformation("commit_weights {Hash} for {Count} uids: {Result}", hash, uids.Count, Describe(committed));
        if (committed.Success == true && committed.Block is { } included)
        {
            state.Saved.Commits.Add(new ValidatorState.PendingCommit(
                SubnetsModule.EpochIndex(included, netuid, rules.Tempo), hash.ToString(), uids, values, salt, rules.VersionKey));
            state.Save();
        }
    }

    private async Task RevealDueAsync(ulong epoch, SubnetRules rules, CancellationToken cancellation)
    {
        foreach (var commit in state.Saved.Commits.ToList())
        {
            if (epoch < commit.Epoch + rules.RevealPeriod)
            {
                continue;
            }
            if (epoch == commit.Epoch + rules.RevealPeriod)
            {
                var revealed = await SubmitAsync(new RevealWeights(netuid, commit.Uids, commit.Values, commit.Salt, commit.VersionKey), cancellation);
                logger.LogInformation("reveal_weights {Hash}: {Result}", commit.Hash, Describe(revealed));
            }
            else
            {
                logger.LogWarning("Commit {Hash} of epoch {Epoch} was not revealed in time and has expired", commit.Hash, commit.Epoch);
            }
            state.Saved.Commits.Remove(commit);
            state.Save();
        }
    }

    private Task<ExtrinsicStatusView> SubmitAsync(RuntimeCall call, CancellationToken cancellation) =>
        Submission.SubmitAsync(node, hotkey, call, Rao.Zero, wait: true, cancellation);

    private static string Describe(ExtrinsicStatusView status) =>
        status.Success == true ? $"included in block #{status.Block}" : $"failed: {status.Error}";
}
