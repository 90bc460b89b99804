using Appliance.Chain;
using Appliance.Consensus;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Epoch;
using Appliance.Runtime.Subnets;

namespace Appliance.Web.WhatIf;

/// <summary>
/// A subnet as its next epoch would read it if nothing changed before then: <see cref="EpochRunner.Input"/> on
/// one state snapshot, at the next epoch block, splitting the pot the epoch would split were it due now — the
/// pending emission so far minus the owner cut, as <see cref="EpochRunner.Run"/> takes it.
/// </summary>
public sealed record SubnetEpochState(ulong Head, Rao Pending, Rao OwnerCut, IReadOnlyList<string> Hotkeys, EpochInput Input)
{
    /// <summary>Null when the subnet does not exist.</summary>
    public static SubnetEpochState? Read(ChainService chain, NetUid netuid)
    {
        using var state = chain.OpenSnapshot();
        if (!SubnetsModule.Exists(state, netuid))
        {
            return null;
        }
        var head = chain.Head.Number;
        var pending = CoinbaseModule.Pending(state, netuid);
        var ownerCut = CoinbaseModule.OwnerCutOf(pending);
        var block = SubnetsModule.NextEpochBlock(head, netuid, Hyperparameters.Get(state, netuid, Hyperparameters.Tempo));
        var neurons = SubnetsModule.NeuronsOf(state, netuid);
        return new SubnetEpochState(head, pending, ownerCut, neurons.Select(n => n.Hotkey.Address).ToList(),
            EpochRunner.Input(state, netuid, block, neurons, pending - ownerCut));
    }
}
