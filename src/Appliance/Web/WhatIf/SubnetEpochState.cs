using Appliance.Consensus;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Epoch;
using Appliance.Runtime.Subnets;

namespace Appliance.Web.WhatIf;

/// <summary>
/// A subnet as its next epoch would read it if nothing changed before then: <see cref="EpochRunner.Input"/> on
/// one state snapshot, at the next epoch block. The pot is the one the last epoch split (its EpochRun event:
/// pending minus owner cut, as <see cref="EpochRunner.Run"/> takes it), because the pending emission right now
/// is only the carried remainder just after an epoch; before a first epoch it is the pending emission so far.
/// </summary>
public sealed record SubnetEpochState(ulong Head, Rao Pot, Rao OwnerCut, ulong? PotEpochBlock, IReadOnlyList<string> Hotkeys, EpochInput Input)
{
    /// <summary>Null when the subnet does not exist.</summary>
    public static SubnetEpochState? Read(ChainService chain, NetUid netuid, EpochRecord? lastEpoch)
    {
        using var state = chain.OpenSnapshot();
        if (!SubnetsModule.Exists(state, netuid))
        {
            return null;
        }
        var head = chain.Head.Number;
        var pot = lastEpoch is null ? CoinbaseModule.Pending(state, netuid) : new Rao(lastEpoch.Pending);
        var ownerCut = lastEpoch is null ? CoinbaseModule.OwnerCutDue(state, netuid) : new Rao(lastEpoch.OwnerCut);
        var block = SubnetsModule.NextEpochBlock(head, netuid, Hyperparameters.Get(state, netuid, Hyperparameters.Tempo));
        var neurons = SubnetsModule.NeuronsOf(state, netuid);
        return new SubnetEpochState(head, pot, ownerCut, lastEpoch?.Block, neurons.Select(n => n.Hotkey.Address).ToList(),
            EpochRunner.Input(state, netuid, block, neurons, pot - ownerCut));
    }
}
