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

    public bool TooEarly(WeightCommit commit) => CurrentEpoch < commit.Epoch + RevealPeriod;

    /// <summary>The first block of the epoch in which a commit of <paramref name="commitEpoch"/> may be revealed.</summary>
    public ulong FirstRevealBlock(ulong commitEpoch) =>
        (commitEpoch + RevealPeriod) * (ulong)(Tempo + 1) - Math.Min((commitEpoch + RevealPeriod) * (ulong)(Tempo + 1), (ulong)NetUid.Value + 1);
}
