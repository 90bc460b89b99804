using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Weights;

/// <summary>
/// Commit-reveal timing on the legacy epoch schedule (spec §8.3): epoch(b) = (b + netuid + 1) div (tempo + 1);
/// a commit made in epoch e is revealed in epoch e + reveal_period, not before, and expires after it.
/// </summary>
public readonly record struct RevealWindow(NetUid NetUid, long Tempo, ulong RevealPeriod, ulong CurrentEpoch)
{
    public static RevealWindow For(IStateReader state, NetUid netuid, ulong block)
    {
        var tempo = Hyperparameters.Get(state, netuid, Hyperparameters.Tempo);
        return new RevealWindow(netuid, tempo, (ulong)Hyperparameters.Get(state, netuid, Hyperparameters.CommitRevealPeriod),
            SubnetsModule.EpochIndex(block, netuid, tempo));
    }

    public bool Expired(WeightCommit commit) => CurrentEpoch > commit.Epoch + RevealPeriod;

    /// <summary>
    /// What reveal_weights finds for <paramref name="hash"/> in <paramref name="hotkey"/>'s queue now: null when
    /// the commit at <paramref name="index"/> of the unexpired <paramref name="live"/> ones may be revealed, else
    /// the refusal (expired, none committed, no match, too early). The CLI checks a reveal with it before signing.
    /// </summary>
    public DispatchError? FindRevealable(IReadOnlyList<WeightCommit> queue, Hash256 hash, AccountId hotkey, out List<WeightCommit> live, out int index)
    {
        var window = this;
        live = queue.Where(c => !window.Expired(c)).ToList();
        index = live.FindIndex(c => c.Hash == hash);
        if (index < 0)
        {
            var expired = queue.Where(c => window.Expired(c) && c.Hash == hash).ToList();
            return expired.Count > 0 ? SubtensorErrors.ExpiredWeightCommit(expired[0].Epoch, CurrentEpoch)
                : live.Count == 0 ? SubtensorErrors.NoWeightsCommitFound(hotkey, NetUid)
                : SubtensorErrors.InvalidRevealCommitHashNotMatch(hash);
        }
        var commit = live[index];
        return TooEarly(commit) ? SubtensorErrors.RevealTooEarly(commit.Epoch, commit.Epoch + RevealPeriod, FirstRevealBlock(commit.Epoch), CurrentEpoch) : null;
    }

    public bool TooEarly(WeightCommit commit) => CurrentEpoch < commit.Epoch + RevealPeriod;

    /// <summary>The first block of the epoch in which a commit of <paramref name="commitEpoch"/> may be revealed.</summary>
    public ulong FirstRevealBlock(ulong commitEpoch) =>
        (commitEpoch + RevealPeriod) * (ulong)(Tempo + 1) - Math.Min((commitEpoch + RevealPeriod) * (ulong)(Tempo + 1), (ulong)NetUid.Value + 1);
}
